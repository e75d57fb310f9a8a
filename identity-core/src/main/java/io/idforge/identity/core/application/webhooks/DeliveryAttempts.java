package io.idforge.identity.core.application.webhooks;

import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.application.port.WebhookSender;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import io.idforge.identity.core.domain.webhook.WebhookEndpoint;
import io.idforge.identity.core.domain.webhook.WebhookEndpointRepository;
import io.idforge.identity.core.security.JwtCodec;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The short transactions around the sends: {@link #prepareAll} reads a claimed batch and builds the
 * signed requests (or settles deliveries without a send), {@link #recordAll} stores the outcomes
 * and next attempts of the sends finished meanwhile. The HTTP calls run between them with no
 * transaction, lock or connection held.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryAttempts {

  static final String USER_AGENT = "IdForge-Webhooks/1.0";

  /** A request ready to send, with the endpoint it goes to. */
  public record Prepared(long deliveryId, String endpointId, WebhookSender.Request request) {}

  @Inject WebhookDeliveryRepository deliveries;

  @Inject WebhookEndpointRepository endpoints;

  @Inject WebhookSecrets secrets;

  @Inject WebhookSettings settings;

  @Inject EndpointBreakers breakers;

  @Inject JwtCodec jwt;

  @Inject IdentityMetrics metrics;

  @Inject Clock clock;

  /** As {@link #prepareAll} for one delivery. */
  public Optional<Prepared> prepare(long deliveryId) {
    return prepareAll(List.of(deliveryId)).stream().findFirst();
  }

  /**
   * Reads a claimed batch in one locking statement and builds its signed requests; deliveries that
   * need no send (endpoint deleted, disabled, breaker open, URL refused) are settled here. Each
   * endpoint is read, and its secrets opened, once per batch, not once per delivery.
   */
  public List<Prepared> prepareAll(List<Long> deliveryIds) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, Optional<Signing>> byEndpoint = new HashMap<>();
    List<Prepared> out = new ArrayList<>(deliveryIds.size());
    for (WebhookDelivery d : deliveries.lockAll(deliveryIds)) {
      if (d.status() != WebhookDelivery.Status.PENDING) {
        continue;
      }
      Optional<Signing> signing = byEndpoint.computeIfAbsent(d.endpointId(), id -> signingFor(id, now));
      prepare(d, signing.orElse(null), now).ifPresent(out::add);
    }
    return out;
  }

  /**
   * An endpoint with its secrets opened and its URL checked (a name resolved), once for the
   * deliveries of one batch.
   */
  private record Signing(WebhookEndpoint endpoint, String current, List<String> all, Optional<String> refused) {}

  private Optional<Signing> signingFor(String endpointId, OffsetDateTime now) {
    WebhookEndpoint endpoint = endpoints.findForDelivery(endpointId).orElse(null);
    if (endpoint == null) {
      return Optional.empty();
    }
    if (endpoint.deleted() || !endpoint.enabled()) {
      return Optional.of(new Signing(endpoint, null, List.of(), Optional.empty()));
    }
    String current = secrets.open(endpoint.clientId(), endpoint.secretSealed());
    List<String> all = new ArrayList<>(List.of(current));
    endpoint.previousSecretSealed(now).ifPresent(p -> all.add(secrets.open(endpoint.clientId(), p)));
    return Optional.of(new Signing(endpoint, current, List.copyOf(all), settings.urlPolicy().check(endpoint.url())));
  }

  private Optional<Prepared> prepare(WebhookDelivery d, Signing signing, OffsetDateTime now) {
    WebhookEndpoint endpoint = signing == null ? null : signing.endpoint();
    if (endpoint == null || endpoint.deleted()) {
      d.abandon("endpoint deleted", now);
      return Optional.empty();
    }
    if (!endpoint.enabled()) {
      // Kept pending: enabling the endpoint again delivers what it missed.
      d.postpone(now.plus(settings.breakerOpenFor()), now);
      return Optional.empty();
    }
    Instant openUntil = breakers.openUntil(endpoint.endpointId());
    if (openUntil != null) {
      d.postpone(openUntil.atOffset(ZoneOffset.UTC), now);
      return Optional.empty();
    }
    Optional<String> refused = signing.refused();
    if (refused.isPresent()) {
      // The name may resolve to a private address now (DNS rebinding): an attempt that fails.
      failed(d, null, "refused: " + refused.get(), now);
      return Optional.empty();
    }
    long t = now.toEpochSecond();
    String body = WebhookSignatures.body(jwt.issuer(), t, d, signing.current());
    Map<String, String> headers = new LinkedHashMap<>(endpoint.headers());
    headers.put("Content-Type", "application/jwt");
    headers.put("User-Agent", USER_AGENT);
    headers.put(WebhookSignatures.HEADER, WebhookSignatures.header(t, body, signing.all()));
    headers.put("Idforge-Event-Id", d.eventId());
    headers.put("Idempotency-Key", d.idempotencyKey());
    return Optional.of(
        new Prepared(d.id(), endpoint.endpointId(), new WebhookSender.Request(endpoint.url(), endpoint.httpMethod(), headers, body)));
  }

  /** What one send came to, waiting to be recorded with others. */
  public record Outcome(long deliveryId, WebhookSender.Result result) {}

  /** As {@link #recordAll} for one delivery. */
  public void record(long deliveryId, WebhookSender.Result result) {
    recordAll(List.of(new Outcome(deliveryId, result)));
  }

  /**
   * Stores the outcomes of several sends in one transaction (one locking read, batched updates):
   * success, or a failed attempt with its next try. A delivery no longer pending (recorded by a
   * node that re-sent it after the claim ran out) is left as it is.
   */
  public void recordAll(List<Outcome> outcomes) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, WebhookSender.Result> results = new HashMap<>();
    for (Outcome o : outcomes) {
      results.put(o.deliveryId(), o.result());
    }
    for (WebhookDelivery d : deliveries.lockAll(results.keySet())) {
      if (d.status() != WebhookDelivery.Status.PENDING) {
        continue;
      }
      WebhookSender.Result result = results.get(d.id());
      if (result.delivered()) {
        d.succeeded(result.httpStatus(), now);
        metrics.webhookAttempt("success");
        metrics.webhookDelivered(Duration.between(d.eventAt(), now));
      } else {
        failed(d, result.httpStatus(), result.error() != null ? result.error() : "HTTP " + result.httpStatus(), now);
      }
    }
  }

  private void failed(WebhookDelivery d, Integer httpStatus, String error, OffsetDateTime now) {
    OffsetDateTime retryAt = settings.retrySchedule().delayAfter(d.attempts() + 1).map(now::plus).orElse(null);
    d.attemptFailed(httpStatus, error, retryAt, now);
    metrics.webhookAttempt(retryAt != null ? "retry" : "failure");
  }
}
