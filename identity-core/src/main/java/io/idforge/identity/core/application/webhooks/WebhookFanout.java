package io.idforge.identity.core.application.webhooks;

import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import io.idforge.identity.core.domain.webhook.WebhookEndpoint;
import io.idforge.identity.core.domain.webhook.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns recorded events into deliveries inside the transaction that records them: an event and
 * the deliveries it owes commit or roll back together, so none is lost or sent for a change that
 * never happened. This replaces a cursor over {@code process_event}: its ids are allocated in
 * blocks per node before commit, so a cursor would skip events that commit after a higher id.
 * The cost is one indexed read of the tenant's endpoints per transaction.
 */
@ApplicationScoped
public class WebhookFanout {

  @Inject WebhookEndpointRepository endpoints;

  @Inject WebhookDeliveryRepository deliveries;

  @Inject Clock clock;

  /** Called with the events of one transaction, in order; runs in the caller's transaction. */
  public void fanOut(List<ProcessEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, List<WebhookEndpoint>> byClient = new HashMap<>();
    for (ProcessEvent e : events) {
      for (WebhookEndpoint endpoint : byClient.computeIfAbsent(e.clientId(), endpoints::listEnabled)) {
        if (endpoint.wants(e.eventType(), e.eventAction())) {
          deliveries.store(WebhookDelivery.of(e, endpoint, now));
        }
      }
    }
  }
}
