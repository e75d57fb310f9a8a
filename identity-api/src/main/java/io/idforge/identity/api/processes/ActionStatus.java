package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One item of {@code face_recognition_validations.actions_status}: an active-liveness action the
 * user was asked for, in the asked order.
 *
 * @param action {@code look-left}, {@code look-right}, {@code look-up}, {@code look-down} or
 *     {@code open-mouth}
 * @param status {@code success} when the action was seen in its turn, else {@code failure}
 */
@JsonbPropertyOrder({"action", "status"})
public record ActionStatus(
    @JsonbProperty("action") String action, @JsonbProperty("status") String status) {}
