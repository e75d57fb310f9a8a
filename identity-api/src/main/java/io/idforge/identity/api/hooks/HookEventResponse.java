package io.idforge.identity.api.hooks;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One delivery in Truora's event record shape ({@code object} is a JSON string, as Truora's);
 * {@code event_id}, {@code endpoint_id} and {@code last_http_status} are IdForge additions.
 */
@JsonbPropertyOrder({
  "client_id", "delivery_attempts", "delivery_status", "event_action", "event_type", "idempotency_key",
  "object", "product", "timestamp", "update_date", "event_id", "endpoint_id", "last_http_status"
})
public record HookEventResponse(
    @JsonbProperty("client_id") String clientId,
    @JsonbProperty("delivery_attempts") int deliveryAttempts,
    @JsonbProperty("delivery_status") String deliveryStatus,
    @JsonbProperty("event_action") String eventAction,
    @JsonbProperty("event_type") String eventType,
    @JsonbProperty("idempotency_key") String idempotencyKey,
    @JsonbProperty("object") String object,
    @JsonbProperty("product") String product,
    @JsonbProperty("timestamp") OffsetDateTime timestamp,
    @JsonbProperty("update_date") OffsetDateTime updateDate,
    @JsonbProperty("event_id") String eventId,
    @JsonbProperty("endpoint_id") String endpointId,
    @JsonbProperty("last_http_status") Integer lastHttpStatus) {

  public static final String PRODUCT = "digital_identity";
}
