package io.idforge.identity.core.application.webhooks;

import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.domain.shared.PageKeys;
import io.idforge.identity.core.domain.webhook.EndpointSettings;
import io.idforge.identity.core.domain.webhook.EventFilter;
import io.idforge.identity.core.domain.webhook.WebhookEndpoint;
import io.idforge.identity.core.domain.webhook.WebhookEndpointRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's webhook endpoints: create and rotate (the secret is returned once and then only
 * stored sealed), read, replace, delete. Every call needs a backend key; another tenant's id is
 * "not found".
 */
@Stateless
public class WebhookEndpointService {

  /** Methods that carry the JWT body. */
  static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

  /** Headers the service owns: a tenant cannot override framing, routing or signatures. */
  static final Set<String> RESERVED_HEADERS =
      Set.of("host", "content-length", "content-type", "transfer-encoding", "connection", "expect", "upgrade",
          "idempotency-key", "user-agent", "te", "trailer", "keep-alive", "proxy-authorization");

  static final int MAX_HEADERS = 20;
  static final int MAX_FILTER_VALUES = 50;

  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");

  /** An endpoint with its secret in clear: only ever the answer to create or rotate. */
  public record WithSecret(WebhookEndpoint endpoint, String secret) {}

  @Inject WebhookEndpointRepository endpoints;

  @Inject WebhookSecrets secrets;

  @Inject WebhookSettings settings;

  @Inject Clock clock;

  public WithSecret create(Caller caller, EndpointSettings requested) {
    String clientId = caller.requireBackend().clientId();
    EndpointSettings s = validate(requested);
    String secret = secrets.generate();
    WebhookEndpoint endpoint = new WebhookEndpoint(clientId, s, secrets.seal(clientId, secret), now());
    endpoints.store(endpoint);
    return new WithSecret(endpoint, secret);
  }

  public WebhookEndpoint get(Caller caller, String endpointId) {
    return find(caller, endpointId);
  }

  public Page<WebhookEndpoint> list(Caller caller, String startKey, int limit) {
    String clientId = caller.requireBackend().clientId();
    return PageKeys.page(endpoints.list(clientId, PageKeys.decode(startKey), limit + 1), limit, WebhookEndpoint::id);
  }

  public WebhookEndpoint update(Caller caller, String endpointId, EndpointSettings requested) {
    WebhookEndpoint endpoint = find(caller, endpointId);
    endpoint.apply(validate(requested), now());
    return endpoint;
  }

  public void delete(Caller caller, String endpointId) {
    find(caller, endpointId).delete(now());
  }

  /** A new secret; the old one keeps signing (as a second signature) for the configured overlap. */
  public WithSecret rotateSecret(Caller caller, String endpointId) {
    WebhookEndpoint endpoint = find(caller, endpointId);
    String secret = secrets.generate();
    OffsetDateTime now = now();
    endpoint.rotateSecret(secrets.seal(endpoint.clientId(), secret), now.plus(settings.secretOverlap()), now);
    return new WithSecret(endpoint, secret);
  }

  private WebhookEndpoint find(Caller caller, String endpointId) {
    String clientId = caller.requireBackend().clientId();
    return endpoints.find(clientId, endpointId).orElseThrow(() -> new NotFoundException("Resource not found"));
  }

  /** Field rules; every message names the wire field and never echoes its value. */
  EndpointSettings validate(EndpointSettings s) {
    if (s.url() == null || s.url().isBlank()) {
      throw new InvalidRequestException("Invalid request: url is required");
    }
    String url = s.url().trim();
    if (url.length() > 2048) {
      throw new InvalidRequestException("Invalid request: url is longer than 2048 characters");
    }
    settings.urlPolicy().check(url).ifPresent(reason -> {
      throw new InvalidRequestException("Invalid request: " + reason);
    });
    String method = s.httpMethod() == null ? "POST" : s.httpMethod().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new InvalidRequestException("Invalid request: http_method must be one of POST, PUT, PATCH");
    }
    checkValues("event_types", s.filter().eventTypes());
    checkValues("event_actions", s.filter().eventActions());
    if (s.headers().size() > MAX_HEADERS) {
      throw new InvalidRequestException("Invalid request: headers has more than " + MAX_HEADERS + " entries");
    }
    s.headers().forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HEADER_NAME.matcher(name).matches() || RESERVED_HEADERS.contains(lower) || lower.startsWith("idforge-")) {
        throw new InvalidRequestException("Invalid request: headers has a name that is malformed or reserved");
      }
      if (value == null || value.length() > 1024 || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw new InvalidRequestException("Invalid request: headers has a value that is empty, too long or multi-line");
      }
    });
    return new EndpointSettings(url, method, s.filter(), s.headers(), s.enabled());
  }

  private static void checkValues(String field, List<String> values) {
    if (values.size() > MAX_FILTER_VALUES || !values.stream().allMatch(EventFilter::wellFormed)) {
      throw new InvalidRequestException("Invalid request: " + field + " must be a list of event names");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
