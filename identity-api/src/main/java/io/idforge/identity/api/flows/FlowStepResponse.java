package io.idforge.identity.api.flows;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One step of a {@link FlowResponse}.
 *
 * @param stepId {@code step_id} ({@code IPS...})
 * @param type a {@link StepType} wire value
 * @param config the effective settings
 */
@JsonbPropertyOrder({"stepId", "type", "config"})
public record FlowStepResponse(
    @JsonbProperty("step_id") String stepId,
    @JsonbProperty("type") String type,
    @JsonbProperty("config") StepConfigResponse config) {}
