package io.idforge.identity.api.hooks;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A webhook endpoint. {@code secret} is present only in the answers to create and rotate-secret:
 * it is shown once. {@code previous_secret_valid_until} is present while a rotated-out secret
 * still signs.
 */
@JsonbPropertyOrder({
  "endpoint_id", "client_id", "url", "http_method", "event_types", "event_actions", "headers", "enabled",
  "secret", "previous_secret_valid_until", "creation_date", "update_date"
})
public record EndpointResponse(
    @JsonbProperty("endpoint_id") String endpointId,
    @JsonbProperty("client_id") String clientId,
    @JsonbProperty("url") String url,
    @JsonbProperty("http_method") String httpMethod,
    @JsonbProperty("event_types") List<String> eventTypes,
    @JsonbProperty("event_actions") List<String> eventActions,
    @JsonbProperty("headers") Map<String, String> headers,
    @JsonbProperty("enabled") boolean enabled,
    @JsonbProperty("secret") String secret,
    @JsonbProperty("previous_secret_valid_until") OffsetDateTime previousSecretValidUntil,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("update_date") OffsetDateTime updateDate) {}
