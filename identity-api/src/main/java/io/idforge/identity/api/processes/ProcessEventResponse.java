package io.idforge.identity.api.processes;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One entry of a process's timeline ({@code GET /v1/processes/{id}/events}), in the vocabulary of
 * Truora's webhook events.
 *
 * @param eventType the object, e.g. {@code digital_identity.identity_process}
 * @param eventAction what happened, e.g. {@code created}, {@code failed}, {@code overwritten_success}
 * @param actor who caused it: {@code user}, {@code system}, {@code reviewer:<id>}, {@code operator:<id>}
 * @param validationId the validation concerned, absent for process events
 * @param object a snapshot of the object right after the change
 */
@JsonbPropertyOrder({"eventId", "eventType", "eventAction", "actor", "validationId", "object", "timestamp"})
public record ProcessEventResponse(
    @JsonbProperty("event_id") String eventId,
    @JsonbProperty("event_type") String eventType,
    @JsonbProperty("event_action") String eventAction,
    @JsonbProperty("actor") String actor,
    @JsonbProperty("validation_id") String validationId,
    @JsonbProperty("object") JsonObject object,
    @JsonbProperty("timestamp") OffsetDateTime timestamp) {}
