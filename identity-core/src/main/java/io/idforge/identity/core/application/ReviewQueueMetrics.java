package io.idforge.identity.core.application;

import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import io.idforge.identity.core.domain.review.ReviewTaskRepository.OpenQueue;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures the manual review queue (open tasks and the age of the oldest, per validation type)
 * with one aggregate query and publishes the numbers through {@link IdentityMetrics}. The expiry
 * job calls it once per pass, so a Prometheus scrape reads remembered numbers and never queries
 * the database; the gauges are at most one job interval old.
 */
@Stateless
public class ReviewQueueMetrics {

  @Inject ReviewTaskRepository reviews;

  @Inject IdentityMetrics metrics;

  @Inject Clock clock;

  /** Counts the open tasks and publishes them; every validation type is published, 0 when empty. */
  public void publish() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, OpenQueue> byType = new LinkedHashMap<>();
    for (StepType type : StepType.values()) {
      byType.put(type.wireValue(), new OpenQueue(type.wireValue(), 0, null));
    }
    for (OpenQueue q : reviews.openQueues()) {
      if (byType.containsKey(q.validationType())) { // a closed label set: unknown types are not labels
        byType.put(q.validationType(), q);
      }
    }
    for (OpenQueue q : byType.values()) {
      metrics.reviewQueue(q.validationType(), q.open(), ageSeconds(q.oldestCreatedAt(), now));
    }
  }

  static long ageSeconds(OffsetDateTime oldest, OffsetDateTime now) {
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).getSeconds());
  }
}
