package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One step of a {@link ProcessResponse}.
 *
 * @param stepId {@code step_id} ({@code IPS...})
 * @param type {@code type}, the flow step type, e.g. {@code document-validation}
 * @param status {@code status}: {@code pending}, {@code in_progress}, {@code success} or {@code
 *     failure}
 * @param validationId {@code validation_id} of the step's validation, once started
 */
@JsonbPropertyOrder({"stepId", "type", "status", "validationId"})
public record ProcessStepResponse(
    @JsonbProperty("step_id") String stepId,
    @JsonbProperty("type") String type,
    @JsonbProperty("status") String status,
    @JsonbProperty("validation_id") String validationId) {}
