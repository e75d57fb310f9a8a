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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two short transactions around one send: {@link #prepare} reads a claimed delivery and builds
 * the signed request (or settles it without a send), {@link #record} stores the outcome and the
 * next attempt. The HTTP call runs between them with no transaction, lock or connection held.
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

  public Optional<Prepared> prepare(long deliveryId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    WebhookDelivery d = deliveries.lock(deliveryId).orElse(null);
    if (d == null || d.status() != WebhookDelivery.Status.PENDING) {
      return Optional.empty();
    }
    WebhookEndpoint endpoint = endpoints.findForDelivery(d.endpointId()).orElse(null);
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
    Optional<String> refused = settings.urlPolicy().check(endpoint.url());
    if (refused.isPresent()) {
      // The name may resolve to a private address now (DNS rebinding): an attempt that fails.
      failed(d, null, "refused: " + refused.get(), now);
      return Optional.empty();
    }
    String current = secrets.open(endpoint.clientId(), endpoint.secretSealed());
    List<String> signing = new ArrayList<>(List.of(current));
    endpoint.previousSecretSealed(now).ifPresent(p -> signing.add(secrets.open(endpoint.clientId(), p)));
    long t = now.toEpochSecond();
    String body = WebhookSignatures.body(jwt.issuer(), t, d, current);
    Map<String, String> headers = new LinkedHashMap<>(endpoint.headers());
    headers.put("Content-Type", "application/jwt");
    headers.put("User-Agent", USER_AGENT);
    headers.put(WebhookSignatures.HEADER, WebhookSignatures.header(t, body, signing));
    headers.put("Idforge-Event-Id", d.eventId());
    headers.put("Idempotency-Key", d.idempotencyKey());
    return Optional.of(
        new Prepared(deliveryId, endpoint.endpointId(), new WebhookSender.Request(endpoint.url(), endpoint.httpMethod(), headers, body)));
  }

  public void record(long deliveryId, WebhookSender.Result result) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    WebhookDelivery d = deliveries.lock(deliveryId).orElse(null);
    if (d == null || d.status() != WebhookDelivery.Status.PENDING) {
      return;
    }
    if (result.delivered()) {
      d.succeeded(result.httpStatus(), now);
      metrics.webhookAttempt("success");
      metrics.webhookDelivered(Duration.between(d.eventAt(), now));
    } else {
      failed(d, result.httpStatus(), result.error() != null ? result.error() : "HTTP " + result.httpStatus(), now);
    }
  }

  private void failed(WebhookDelivery d, Integer httpStatus, String error, OffsetDateTime now) {
    OffsetDateTime retryAt = settings.retrySchedule().delayAfter(d.attempts() + 1).map(now::plus).orElse(null);
    d.attemptFailed(httpStatus, error, retryAt, now);
    metrics.webhookAttempt(retryAt != null ? "retry" : "failure");
  }
}
