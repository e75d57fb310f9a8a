package io.idforge.identity.core.domain.webhook;

import java.util.Map;

/** What a tenant sets on an endpoint (create or replace), already validated by the service. */
public record EndpointSettings(
    String url, String httpMethod, EventFilter filter, Map<String, String> headers, boolean enabled) {

  public EndpointSettings {
    headers = Map.copyOf(headers == null ? Map.of() : headers);
    filter = filter == null ? EventFilter.all() : filter;
  }
}
