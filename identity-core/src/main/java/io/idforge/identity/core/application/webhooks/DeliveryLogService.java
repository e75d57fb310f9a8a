package io.idforge.identity.core.application.webhooks;

import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.domain.shared.PageKeys;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The delivery log (Truora's {@code /v1/hooks/events}) and replays. A replay is a new delivery of
 * the same event to the same endpoint: a new idempotency key, the same event id, attempts from
 * zero; the original record keeps its history.
 */
@Stateless
public class DeliveryLogService {

  /** Most deliveries one range replay queues; a larger range is replayed in pieces. */
  static final int MAX_RANGE_REPLAY = 1000;

  static final Duration MAX_RANGE = Duration.ofDays(62);

  @Inject WebhookDeliveryRepository deliveries;

  @Inject Clock clock;

  public Page<WebhookDelivery> list(Caller caller, String startKey, int limit) {
    String clientId = caller.requireBackend().clientId();
    return PageKeys.page(deliveries.list(clientId, PageKeys.decode(startKey), limit + 1), limit, WebhookDelivery::id);
  }

  public WebhookDelivery get(Caller caller, String idempotencyKey) {
    String clientId = caller.requireBackend().clientId();
    return deliveries.find(clientId, idempotencyKey).orElseThrow(() -> new NotFoundException("Resource not found"));
  }

  public WebhookDelivery replay(Caller caller, String idempotencyKey) {
    WebhookDelivery copy = get(caller, idempotencyKey).replay(OffsetDateTime.now(clock));
    deliveries.store(copy);
    return copy;
  }

  /**
   * Replays every delivery of events recorded in [from, to), once per (event, endpoint) even when
   * the log holds several deliveries of it.
   *
   * @return the new deliveries
   */
  public List<WebhookDelivery> replayRange(Caller caller, OffsetDateTime from, OffsetDateTime to) {
    String clientId = caller.requireBackend().clientId();
    if (from == null || to == null) {
      throw new InvalidRequestException("Invalid request: start_date and end_date are required together");
    }
    if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw new InvalidRequestException("Invalid request: end_date must be after start_date and within 62 days of it");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<WebhookDelivery> originals = deliveries.listByEventTime(clientId, from, to, MAX_RANGE_REPLAY * 4);
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<WebhookDelivery> copies = new java.util.ArrayList<>();
    for (WebhookDelivery d : originals) {
      if (copies.size() < MAX_RANGE_REPLAY && seen.add(d.eventId() + "/" + d.endpointId())) {
        WebhookDelivery copy = d.replay(now);
        deliveries.store(copy);
        copies.add(copy);
      }
    }
    return copies;
  }
}
