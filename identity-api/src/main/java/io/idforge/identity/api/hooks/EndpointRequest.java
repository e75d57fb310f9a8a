package io.idforge.identity.api.hooks;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of {@code POST /v1/hooks/endpoints} and {@code PUT /v1/hooks/endpoints/{id}} as
 * a client writes it (the service parses the body strictly itself). Null members are left out of
 * the JSON and take the service's defaults: all event types and actions, {@code POST}, no extra
 * headers, enabled.
 *
 * @param url {@code url}, required: https, a public address
 * @param eventTypes {@code event_types}; null or empty for all
 * @param eventActions {@code event_actions}; null or empty for all
 * @param httpMethod {@code http_method}: {@code POST}, {@code PUT} or {@code PATCH}
 * @param headers {@code headers}: extra request headers
 * @param enabled {@code enabled}
 */
@JsonbPropertyOrder({"url", "event_types", "event_actions", "http_method", "headers", "enabled"})
public record EndpointRequest(
    @JsonbProperty("url") String url,
    @JsonbProperty("event_types") List<String> eventTypes,
    @JsonbProperty("event_actions") List<String> eventActions,
    @JsonbProperty("http_method") String httpMethod,
    @JsonbProperty("headers") Map<String, String> headers,
    @JsonbProperty("enabled") Boolean enabled) {

  /** Every event to {@code url} with the defaults. */
  public static EndpointRequest of(String url) {
    return new EndpointRequest(url, null, null, null, null, null);
  }
}
