package io.idforge.identity.api.validations;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One enrollment in Truora's shape.
 *
 * @param enrollmentId {@code enrollment_id} ({@code ENR…})
 * @param accountId {@code account_id}
 * @param validationType {@code validation_type}: face-recognition, email-verification or phone-verification
 * @param status {@code status}: pending, success or failure
 * @param reason {@code reason}, e.g. {@code waiting_file_upload}
 * @param fileUploadLink {@code file_upload_link}, the reference photo's signed link (face, on creation)
 * @param creationDate {@code creation_date}
 * @param updateDate {@code update_date}
 */
@JsonbPropertyOrder({
  "enrollmentId", "accountId", "validationType", "status", "reason", "fileUploadLink", "creationDate", "updateDate"
})
public record EnrollmentResponse(
    @JsonbProperty("enrollment_id") String enrollmentId,
    @JsonbProperty("account_id") String accountId,
    @JsonbProperty("validation_type") String validationType,
    @JsonbProperty("status") String status,
    @JsonbProperty("reason") String reason,
    @JsonbProperty("file_upload_link") String fileUploadLink,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("update_date") OffsetDateTime updateDate) {}
