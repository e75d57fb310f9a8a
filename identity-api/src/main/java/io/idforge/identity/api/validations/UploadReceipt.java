package io.idforge.identity.api.validations;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answer to a PUT on an upload link (Truora documents none; clients only read the status).
 *
 * @param validationId {@code validation_id}
 * @param validationStatus {@code validation_status} after the upload (pending while checking)
 * @param message {@code message}
 */
@JsonbPropertyOrder({"validationId", "validationStatus", "message"})
public record UploadReceipt(
    @JsonbProperty("validation_id") String validationId,
    @JsonbProperty("validation_status") String validationStatus,
    @JsonbProperty("message") String message) {}
