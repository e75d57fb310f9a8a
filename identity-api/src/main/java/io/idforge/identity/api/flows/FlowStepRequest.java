package io.idforge.identity.api.flows;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One step of a {@link FlowRequest}.
 *
 * @param type a {@link StepType} wire value, e.g. {@code document-validation}
 * @param config optional step settings
 */
@JsonbPropertyOrder({"type", "config"})
public record FlowStepRequest(
    @JsonbProperty("type") String type, @JsonbProperty("config") StepConfigRequest config) {}
