package io.idforge.identity.core.application.webhooks;

import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.application.port.WebhookSender;
import io.idforge.identity.core.domain.webhook.AttemptRecord;
import io.idforge.identity.core.domain.webhook.ClaimedDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import io.idforge.identity.core.domain.webhook.WebhookEndpoint;
import io.idforge.identity.core.domain.webhook.WebhookEndpointRepository;
import io.idforge.identity.core.security.JwtCodec;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two short transactions around the sends. {@link #claimAndPrepare} claims due deliveries and
 * builds their signed requests in one transaction (deliveries that need no send are settled in
 * it); {@link #recordAll} stores the outcomes of the sends finished meanwhile, each guarded by the
 * claim's lease. The HTTP calls run between them with no transaction, lock or connection held.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryAttempts {

  static final String USER_AGENT = "IdForge-Webhooks/1.0";

  /** A request ready to send, with the claimed delivery it is for. */
  public record Prepared(ClaimedDelivery delivery, String endpointId, WebhookSender.Request request) {
    public long deliveryId() {
      return delivery.id();
    }
  }

  /** What one claim took: how many rows, and the requests to send (the others were settled). */
  public record Claim(int claimed, List<Prepared> toSend) {}

  @Inject WebhookDeliveryRepository deliveries;

  @Inject WebhookEndpointRepository endpoints;

  @Inject WebhookSecrets secrets;

  @Inject WebhookSettings settings;

  @Inject EndpointBreakers breakers;

  @Inject JwtCodec jwt;

  @Inject IdentityMetrics metrics;

  @Inject Clock clock;

  /**
   * Claims up to {@code limit} due deliveries (one locking statement returning what signing needs,
   * no entities) and builds their signed requests in the same transaction; deliveries that need
   * no send (endpoint deleted, disabled, breaker open, URL refused) are settled here. Each endpoint
   * is read, its secrets opened and its URL checked (its name resolved) once per claim.
   */
  public Claim claimAndPrepare(int limit) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    // Millisecond precision: the lease is compared for equality later, and every database keeps it.
    OffsetDateTime leaseUntil = now.plus(settings.claimTimeout()).truncatedTo(ChronoUnit.MILLIS);
    List<ClaimedDelivery> claimed = deliveries.claimDue(now, leaseUntil, limit);
    Map<String, Optional<Signing>> byEndpoint = new HashMap<>();
    List<Prepared> out = new ArrayList<>(claimed.size());
    Map<Long, Settlement> settle = new HashMap<>();
    for (ClaimedDelivery d : claimed) {
      Optional<Signing> signing = byEndpoint.computeIfAbsent(d.endpointId(), id -> signingFor(id, now));
      prepare(d, signing.orElse(null), now, settle).ifPresent(out::add);
    }
    if (!settle.isEmpty()) {
      settleWithoutSend(settle, now);
    }
    return new Claim(claimed.size(), out);
  }

  /**
   * An endpoint with its secrets opened and its URL checked (a name resolved, the addresses kept
   * for the connection), once for the deliveries of one claim.
   */
  private record Signing(WebhookEndpoint endpoint, String current, List<String> all, UrlPolicy.Checked url) {}

  private Optional<Signing> signingFor(String endpointId, OffsetDateTime now) {
    WebhookEndpoint endpoint = endpoints.findForDelivery(endpointId).orElse(null);
    if (endpoint == null) {
      return Optional.empty();
    }
    if (endpoint.deleted() || !endpoint.enabled()) {
      return Optional.of(new Signing(endpoint, null, List.of(), null));
    }
    String current = secrets.open(endpoint.clientId(), endpoint.secretSealed());
    List<String> all = new ArrayList<>(List.of(current));
    endpoint.previousSecretSealed(now).ifPresent(p -> all.add(secrets.open(endpoint.clientId(), p)));
    return Optional.of(new Signing(endpoint, current, List.copyOf(all), settings.urlPolicy().checkForSend(endpoint.url())));
  }

  /** Why a claimed delivery is not sent, applied to its row in the claim's transaction. */
  private enum Reason {
    DELETED,
    DISABLED,
    BREAKER_OPEN,
    REFUSED
  }

  private record Settlement(Reason reason, OffsetDateTime until, String detail) {}

  private Optional<Prepared> prepare(ClaimedDelivery d, Signing signing, OffsetDateTime now, Map<Long, Settlement> settle) {
    WebhookEndpoint endpoint = signing == null ? null : signing.endpoint();
    if (endpoint == null || endpoint.deleted()) {
      settle.put(d.id(), new Settlement(Reason.DELETED, null, "endpoint deleted"));
      return Optional.empty();
    }
    if (!endpoint.enabled()) {
      // Kept pending: enabling the endpoint again delivers what it missed.
      settle.put(d.id(), new Settlement(Reason.DISABLED, now.plus(settings.breakerOpenFor()), null));
      return Optional.empty();
    }
    Instant openUntil = breakers.openUntil(endpoint.endpointId());
    if (openUntil != null) {
      settle.put(d.id(), new Settlement(Reason.BREAKER_OPEN, openUntil.atOffset(ZoneOffset.UTC), null));
      return Optional.empty();
    }
    Optional<String> refused = signing.url().refused();
    if (refused.isPresent()) {
      // The name may resolve to a private address now (DNS rebinding): an attempt that fails.
      settle.put(d.id(), new Settlement(Reason.REFUSED, null, "refused: " + refused.get()));
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
    List<InetAddress> addresses = signing.url().addresses();
    return Optional.of(
        new Prepared(d, endpoint.endpointId(), new WebhookSender.Request(endpoint.url(), endpoint.httpMethod(), headers, body, addresses)));
  }

  /**
   * The rare rows that need no send, through the entity's own transitions (the rows are already
   * locked by the claim).
   */
  private void settleWithoutSend(Map<Long, Settlement> settle, OffsetDateTime now) {
    for (WebhookDelivery d : deliveries.lockAll(settle.keySet())) {
      Settlement s = settle.get(d.id());
      switch (s.reason()) {
        case DELETED -> d.abandon(s.detail(), now);
        case DISABLED, BREAKER_OPEN -> d.postpone(s.until(), now);
        case REFUSED -> {
          OffsetDateTime retryAt = settings.retrySchedule().delayAfter(d.attempts() + 1).map(now::plus).orElse(null);
          d.attemptFailed(null, s.detail(), retryAt, now);
          metrics.webhookAttempt(retryAt != null ? "retry" : "failure");
        }
      }
    }
  }

  /** What one send came to, waiting to be recorded with others. */
  public record Outcome(ClaimedDelivery delivery, WebhookSender.Result result) {
    public long deliveryId() {
      return delivery.id();
    }
  }

  /**
   * Stores the outcomes of several sends in one transaction, one prepared statement per kind of
   * outcome whatever their number: success, or a failed attempt with its next try (or
   * {@code failure} after the last). A row that no longer carries its claim's lease (re-claimed
   * by another node after the lease ran out) or is no longer pending is left as it is.
   */
  public void recordAll(List<Outcome> outcomes) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<AttemptRecord> records = new ArrayList<>(outcomes.size());
    for (Outcome o : outcomes) {
      ClaimedDelivery d = o.delivery();
      WebhookSender.Result result = o.result();
      int attempts = d.attempts() + 1;
      if (result.delivered()) {
        records.add(new AttemptRecord(d.id(), d.leaseUntil(), true, result.httpStatus(), null, attempts, null));
      } else {
        OffsetDateTime retryAt = settings.retrySchedule().delayAfter(attempts).map(now::plus).orElse(null);
        String error = result.error() != null ? result.error() : "HTTP " + result.httpStatus();
        records.add(new AttemptRecord(d.id(), d.leaseUntil(), false, result.httpStatus(), error, attempts, retryAt));
      }
    }
    boolean[] written = deliveries.recordAttempts(records, now);
    for (int i = 0; i < records.size(); i++) {
      if (!written[i]) {
        continue;
      }
      AttemptRecord r = records.get(i);
      if (r.delivered()) {
        metrics.webhookAttempt("success");
        metrics.webhookDelivered(Duration.between(outcomes.get(i).delivery().eventAt(), now));
      } else {
        metrics.webhookAttempt(r.retryAt() != null ? "retry" : "failure");
      }
    }
  }
}
