package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import io.idforge.identity.api.validations.Instructions;
import java.time.OffsetDateTime;

/**
 * One validation (one validator run for one user) inside a process result, in Truora's shape.
 * {@code remaining_retries}, {@code front_image}, {@code reverse_image} and {@code face_photo} sit
 * at validation level; {@code declined_reason} appears only when {@code failure_status} is {@code declined}.
 *
 * @param validationId {@code validation_id} ({@code VLD...})
 * @param ipAddress {@code ip_address}
 * @param accountId {@code account_id}
 * @param type {@code type}, e.g. {@code document-validation}, {@code face-recognition}
 * @param validationStatus {@code validation_status}: pending, success or failure
 * @param failureStatus {@code failure_status}
 * @param declinedReason {@code declined_reason}
 * @param expiredReason {@code expired_reason}
 * @param threshold {@code threshold}, face-recognition
 * @param allowedRetries {@code allowed_retries}
 * @param remainingRetries {@code remaining_retries}
 * @param creationDate {@code creation_date}
 * @param updateDate {@code update_date}
 * @param identityProcessId {@code identity_process_id}
 * @param frontImage {@code front_image}, a time-limited URL
 * @param reverseImage {@code reverse_image}, a time-limited URL
 * @param facePhoto {@code face_photo}, the selfie of a face-recognition validation, a time-limited
 *     URL
 * @param details {@code details}, by validation type
 * @param instructions {@code instructions}, the upload links, only in the answer that creates a
 *     validation through the Validations API
 */
@JsonbPropertyOrder({
  "validationId",
  "ipAddress",
  "accountId",
  "type",
  "validationStatus",
  "failureStatus",
  "declinedReason",
  "expiredReason",
  "threshold",
  "allowedRetries",
  "remainingRetries",
  "creationDate",
  "updateDate",
  "identityProcessId",
  "frontImage",
  "reverseImage",
  "facePhoto",
  "manualReviewStatus",
  "details",
  "instructions"
})
public record ValidationResponse(
    @JsonbProperty("validation_id") String validationId,
    @JsonbProperty("ip_address") String ipAddress,
    @JsonbProperty("account_id") String accountId,
    @JsonbProperty("type") String type,
    @JsonbProperty("validation_status") String validationStatus,
    @JsonbProperty("failure_status") String failureStatus,
    @JsonbProperty("declined_reason") String declinedReason,
    @JsonbProperty("expired_reason") String expiredReason,
    @JsonbProperty("threshold") Double threshold,
    @JsonbProperty("allowed_retries") Integer allowedRetries,
    @JsonbProperty("remaining_retries") Integer remainingRetries,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("update_date") OffsetDateTime updateDate,
    @JsonbProperty("identity_process_id") String identityProcessId,
    @JsonbProperty("front_image") String frontImage,
    @JsonbProperty("reverse_image") String reverseImage,
    @JsonbProperty("face_photo") String facePhoto,
    @JsonbProperty("details") ValidationDetails details,
    @JsonbProperty("manual_review_status") String manualReviewStatus,
    @JsonbProperty("instructions") Instructions instructions) {


  // One constructor only: JSON-B (Yasson) builds records through the canonical constructor and
  // refuses a record that declares a second one.

  /** The same validation with the upload links of its creation. */
  public ValidationResponse withInstructions(Instructions links) {
    return new ValidationResponse(validationId, ipAddress, accountId, type, validationStatus, failureStatus,
        declinedReason, expiredReason, threshold, allowedRetries, remainingRetries, creationDate, updateDate,
        identityProcessId, frontImage, reverseImage, facePhoto, details, manualReviewStatus, links);
  }
}
