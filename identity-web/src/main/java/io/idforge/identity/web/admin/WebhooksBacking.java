package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.ConsoleWebhooks;
import io.idforge.identity.core.application.webhooks.WebhookEndpointService;
import io.idforge.identity.core.domain.webhook.EndpointSettings;
import io.idforge.identity.core.domain.webhook.EventFilter;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookEndpoint;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's webhook endpoints and delivery log: create (the signing secret shown once, on this
 * response only), switch on or off, rotate the secret, delete; the newest deliveries with a replay
 * each. The form's fields are the API's ({@code url}, {@code http_method}, {@code event_types},
 * {@code event_actions}, {@code headers}), checked by the same service, whose message is shown.
 */
@Named
@RequestScoped
public class WebhooksBacking {

  @Inject ConsoleContext console;

  @Inject ConsoleWebhooks webhooks;

  @Inject AdminMessages messages;

  private String url;
  private String method = "POST";
  private String eventTypes;
  private String eventActions;
  private String headers;
  private boolean enabled = true;
  /** The secret of the endpoint created or rotated by this request, and which endpoint it is. */
  private String secret;
  private String secretEndpoint;
  private List<WebhookEndpoint> endpoints;
  private List<WebhookDelivery> deliveries;

  public List<WebhookEndpoint> getEndpoints() {
    if (endpoints == null) {
      endpoints = console.getClientId() == null ? List.of() : webhooks.endpoints(console.actor());
    }
    return endpoints;
  }

  public List<WebhookDelivery> getDeliveries() {
    if (deliveries == null) {
      deliveries = console.getClientId() == null ? List.of() : webhooks.deliveries(console.actor());
    }
    return deliveries;
  }

  public void create() {
    messages.attempt(() -> {
      EndpointSettings settings = new EndpointSettings(url == null ? null : url.trim(), method,
          new EventFilter(values(eventTypes), values(eventActions)), headers(headers), enabled);
      show(webhooks.create(console.actor(), settings));
      url = null;
      eventTypes = null;
      eventActions = null;
      headers = null;
    });
  }

  public void enable(String endpointId, boolean on) {
    if (messages.attempt(() -> webhooks.enable(console.actor(), endpointId, on))) {
      endpoints = null;
    }
  }

  public void rotate(String endpointId) {
    messages.attempt(() -> show(webhooks.rotate(console.actor(), endpointId)));
  }

  public void delete(String endpointId) {
    if (messages.attempt(() -> webhooks.delete(console.actor(), endpointId))) {
      endpoints = null;
    }
  }

  public void replay(String idempotencyKey) {
    if (messages.attempt(() -> webhooks.replay(console.actor(), idempotencyKey))) {
      deliveries = null;
      FacesContext.getCurrentInstance().addMessage(null,
          new FacesMessage(FacesMessage.SEVERITY_INFO, messages.text("webhooks.replayed"), null));
    }
  }

  private void show(WebhookEndpointService.WithSecret withSecret) {
    secret = withSecret.secret();
    secretEndpoint = withSecret.endpoint().endpointId();
    endpoints = null;
  }

  /** Comma- or space-separated names; the service checks their shape. */
  static List<String> values(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,\\s]+")).filter(v -> !v.isEmpty()).toList();
  }

  /** One {@code Name: value} per line; the service checks names and values. */
  static Map<String, String> headers(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    if (text == null) {
      return map;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new InvalidRequestException("Invalid request: headers must be one 'Name: value' per line");
      }
      if (map.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim()) != null) {
        throw new InvalidRequestException("Invalid request: headers names a header twice");
      }
    }
    return map;
  }

  /** What the table shows of a filter: "all" for an empty list. */
  public String filter(List<String> values) {
    return values.isEmpty() ? messages.text("webhooks.all") : String.join(", ", values);
  }

  /** Header names only: their values may be the receiver's credentials. */
  public String headerNames(WebhookEndpoint e) {
    return String.join(", ", e.headers().keySet().stream().sorted().toList());
  }

  public boolean isManager() {
    return console.isAdmin() || console.isOperator();
  }

  public String getSecret() { return secret; }
  public String getSecretEndpoint() { return secretEndpoint; }
  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }
  public String getMethod() { return method; }
  public void setMethod(String method) { this.method = method; }
  public String getEventTypes() { return eventTypes; }
  public void setEventTypes(String eventTypes) { this.eventTypes = eventTypes; }
  public String getEventActions() { return eventActions; }
  public void setEventActions(String eventActions) { this.eventActions = eventActions; }
  public String getHeaders() { return headers; }
  public void setHeaders(String headers) { this.headers = headers; }
  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
