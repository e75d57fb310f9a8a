package io.idforge.identity.api.validations;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /v1/accounts/{id}/enrollments}: the account's enrollments, newest first.
 *
 * @param enrollments {@code enrollments}
 * @param self {@code self}
 */
@JsonbPropertyOrder({"enrollments", "self"})
public record EnrollmentListResponse(
    @JsonbProperty("enrollments") List<EnrollmentResponse> enrollments, @JsonbProperty("self") String self) {}
