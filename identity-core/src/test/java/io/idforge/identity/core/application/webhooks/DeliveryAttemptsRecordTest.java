package io.idforge.identity.core.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.application.port.WebhookSender;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The group commit writes successful sends through {@link WebhookDeliveryRepository#markDelivered}
 * (no delivery read as an entity); only failed attempts are read to schedule their retry, and a
 * success is counted in the metrics only for a delivery it changed.
 */
class DeliveryAttemptsRecordTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  final Map<Long, Integer> markedDelivered = new HashMap<>();
  final List<Long> lockedAsEntities = new ArrayList<>();
  final List<String> attempts = new ArrayList<>();

  @Test
  void successesAreWrittenInBulkAndFailuresReadForTheirRetry() {
    DeliveryAttempts a = new DeliveryAttempts();
    a.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    a.deliveries = deliveries(3L); // row 3 was recorded meanwhile by another node
    a.metrics = metrics();

    a.recordAll(
        List.of(
            new DeliveryAttempts.Outcome(1, new WebhookSender.Result(204, null)),
            new DeliveryAttempts.Outcome(2, new WebhookSender.Result(200, null)),
            new DeliveryAttempts.Outcome(3, new WebhookSender.Result(204, null)),
            new DeliveryAttempts.Outcome(4, new WebhookSender.Result(500, null))));

    assertEquals(Map.of(1L, 204, 2L, 200, 3L, 204), markedDelivered, "every success, with its answer's status");
    assertEquals(List.of(4L), lockedAsEntities, "only the failed attempt is read as an entity");
    assertEquals(List.of("success", "success"), attempts, "successes counted for the rows changed only");
  }

  private WebhookDeliveryRepository deliveries(long alreadyRecorded) {
    return (WebhookDeliveryRepository)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {WebhookDeliveryRepository.class},
            (self, m, args) -> {
              switch (m.getName()) {
                case "markDelivered" -> {
                  @SuppressWarnings("unchecked")
                  Map<Long, Integer> asked = (Map<Long, Integer>) args[0];
                  markedDelivered.putAll(asked);
                  Map<Long, OffsetDateTime> changed = new HashMap<>();
                  asked.keySet().stream()
                      .filter(id -> id != alreadyRecorded)
                      .forEach(id -> changed.put(id, NOW.minusSeconds(5).atOffset(ZoneOffset.UTC)));
                  return changed;
                }
                case "lockAll" -> {
                  @SuppressWarnings("unchecked")
                  Collection<Long> ids = (Collection<Long>) args[0];
                  lockedAsEntities.addAll(ids);
                  return List.of();
                }
                default -> throw new UnsupportedOperationException(m.getName());
              }
            });
  }

  private IdentityMetrics metrics() {
    return (IdentityMetrics)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {IdentityMetrics.class},
            (self, m, args) -> {
              if (m.getName().equals("webhookAttempt")) {
                attempts.add((String) args[0]);
              }
              return null;
            });
  }
}
