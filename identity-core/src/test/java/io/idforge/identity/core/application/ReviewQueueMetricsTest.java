package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.core.TestData;
import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import io.idforge.identity.core.engine.CheckResult;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReviewQueueMetricsTest {

  /** Records what the gauges would show. */
  static final class RecordingMetrics implements IdentityMetrics {
    final Map<String, long[]> queues = new TreeMap<>();

    @Override public void tokenIssued(String keyType) {}
    @Override public void tokenRejected(String reason) {}
    @Override public void processStarted(String channel) {}
    @Override public void processResumed(String channel) {}
    @Override public void processFinished(String status, String failureStatus, String reason, long count) {}
    @Override public void otpLimitTripped(String limit) {}
    @Override public void checkCompleted(String stepType, String outcome, Duration duration) {}
    @Override public void webhookAttempt(String outcome) {}
    @Override public void webhookDelivered(Duration lag) {}

    @Override
    public void reviewQueue(String validationType, long open, long oldestAgeSeconds) {
      queues.put(validationType, new long[] {open, oldestAgeSeconds});
    }
  }

  static ReviewTaskRepository repositoryWith(List<ReviewTaskRepository.OpenQueue> open) {
    return new ReviewTaskRepository() {
      @Override public void store(ReviewTask task) {}
      @Override public Optional<ReviewTask> find(String clientId, String reviewId) { return Optional.empty(); }
      @Override public Optional<ReviewTask> findOpenByValidation(String clientId, String validationId) { return Optional.empty(); }
      @Override public List<String> findOverdueValidationIds(OffsetDateTime now, int limit) { return List.of(); }
      @Override public List<OpenQueue> openQueues() { return open; }
      @Override public List<ReviewTask> list(String c, String s, String t, long a, int l) { return List.of(); }
    };
  }

  @Test
  void publishesEveryValidationTypeWithCountAndOldestAge() {
    OffsetDateTime now = TestData.now();
    ReviewQueueMetrics queue = new ReviewQueueMetrics();
    RecordingMetrics metrics = new RecordingMetrics();
    queue.metrics = metrics;
    queue.clock = TestData.CLOCK;
    queue.reviews = repositoryWith(List.of(
        new ReviewTaskRepository.OpenQueue("document-validation", 3, now.minusMinutes(90)),
        new ReviewTaskRepository.OpenQueue("not-a-type", 7, now.minusDays(1))));

    queue.publish();

    assertEquals(List.of("document-validation", "email-verification", "face-recognition", "phone-verification"),
        List.copyOf(metrics.queues.keySet()), "every type, and only the known ones (a closed label set)");
    assertEquals(3, metrics.queues.get("document-validation")[0]);
    assertEquals(5400, metrics.queues.get("document-validation")[1]);
    assertEquals(0, metrics.queues.get("face-recognition")[0]);
    assertEquals(0, metrics.queues.get("face-recognition")[1], "no open task: age 0");
  }

  @Test
  void ageIsNeverNegative() {
    assertEquals(0, ReviewQueueMetrics.ageSeconds(TestData.now().plusSeconds(5), TestData.now()));
    assertEquals(0, ReviewQueueMetrics.ageSeconds(null, TestData.now()));
  }

  @Test
  void checkOutcomesAreTheResultKinds() {
    assertEquals("passed", CheckRunner.outcome(new CheckResult.Passed(null)));
    assertEquals("failed", CheckRunner.outcome(new CheckResult.Failed("blurry_image", null)));
    assertEquals("undecided", CheckRunner.outcome(new CheckResult.Undecided("face_matching_off", null)));
    assertEquals("broken", CheckRunner.outcome(new CheckResult.Broken(null)));
  }
}
