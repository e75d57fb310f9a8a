package io.idforge.identity.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.core.application.port.WebhookSender;
import io.idforge.identity.core.application.webhooks.DeliveryAttempts;
import io.idforge.identity.core.application.webhooks.EndpointBreakers;
import io.idforge.identity.core.application.webhooks.WebhookSettings;
import io.idforge.identity.core.domain.webhook.AttemptRecord;
import io.idforge.identity.core.domain.webhook.ClaimedDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The drain's claims: bounded by the in-flight cap, and refilled between ticks only while there is a backlog. */
class DrainWebhooksJobTest {

  /** Due ids, handed out in order like the claim query; records each claim's limit. */
  static final class FakeDeliveries implements WebhookDeliveryRepository {
    final Queue<Long> due = new ArrayDeque<>();
    final List<Integer> claimLimits = new ArrayList<>();

    @Override
    public List<ClaimedDelivery> claimDue(OffsetDateTime now, OffsetDateTime claimUntil, int limit) {
      claimLimits.add(limit);
      List<ClaimedDelivery> out = new ArrayList<>();
      while (out.size() < limit && !due.isEmpty()) {
        long id = due.poll();
        out.add(new ClaimedDelivery(id, "HIK" + id, "WHE1", "HKE" + id, "t", "a", "{}", now, 0, claimUntil));
      }
      return out;
    }

    @Override
    public boolean[] recordAttempts(List<AttemptRecord> records, OffsetDateTime now) {
      return new boolean[records.size()];
    }

    @Override
    public void store(WebhookDelivery delivery) {}

    @Override
    public Optional<WebhookDelivery> find(String clientId, String idempotencyKey) {
      return Optional.empty();
    }

    @Override
    public List<WebhookDelivery> list(String clientId, long beforeId, int limit) {
      return List.of();
    }

    @Override
    public List<WebhookDelivery> listByEventTime(String clientId, OffsetDateTime from, OffsetDateTime to, int limit) {
      return List.of();
    }

    @Override
    public List<WebhookDelivery> listByEvents(String clientId, List<String> eventIds, int limit) {
      return List.of();
    }

    @Override
    public Optional<WebhookDelivery> lock(long id) {
      return Optional.empty();
    }

    @Override
    public List<WebhookDelivery> lockAll(Collection<Long> ids) {
      return List.of();
    }

    @Override
    public int purgeFinishedBefore(OffsetDateTime before, int limit) {
      return 0;
    }
  }

  /** Four in flight, batches of ten. */
  static final class SmallSettings extends WebhookSettings {
    @Override
    public int batchSize() {
      return 10;
    }

    @Override
    public int maxInFlight() {
      return 4;
    }

    @Override
    public Duration claimTimeout() {
      return Duration.ofMinutes(2);
    }
  }

  /**
   * Every claimed row becomes a request (one prepare per claim); outcomes are written as a batch
   * per call, recorded here. The HTTP and signing paths are tested elsewhere.
   */
  static final class RecordingAttempts extends DeliveryAttempts {
    final List<List<Long>> prepared = new ArrayList<>();
    final List<List<Long>> recorded = new ArrayList<>();
    FakeDeliveries deliveries;

    @Override
    public Claim claimAndPrepare(int limit) {
      List<ClaimedDelivery> claimed = deliveries.claimDue(OffsetDateTime.MIN, OffsetDateTime.MAX, limit);
      prepared.add(claimed.stream().map(ClaimedDelivery::id).toList());
      return new Claim(
          claimed.size(),
          claimed.stream()
              .map(d -> new Prepared(d, "WHE1", new WebhookSender.Request("https://hooks.test", "POST", Map.of(), "a.b.c", List.of())))
              .toList());
    }

    @Override
    public void recordAll(List<Outcome> outcomes) {
      recorded.add(outcomes.stream().map(Outcome::deliveryId).toList());
    }
  }

  private final FakeDeliveries deliveries = new FakeDeliveries();
  private final RecordingAttempts attempts = new RecordingAttempts();
  private final Queue<Runnable> queued = new ArrayDeque<>();

  private DrainWebhooksJob job() {
    DrainWebhooksJob job = new DrainWebhooksJob();
    job.deliveries = deliveries;
    job.settings = new SmallSettings();
    attempts.deliveries = deliveries;
    job.attempts = attempts;
    job.sender = request -> new WebhookSender.Result(204, null);
    job.breakers = new EndpointBreakers();
    job.clock = Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC);
    // Senders that only queue: the test runs the sends one by one, as sender threads finish them.
    job.senders = queued::add;
    return job;
  }

  private void due(long count) {
    LongStream.rangeClosed(1, count).forEach(deliveries.due::add);
  }

  @Test
  void aTickClaimsNoMoreThanTheInFlightCap() {
    due(20);
    assertEquals(4, job().drainOnce());
    assertEquals(List.of(4), deliveries.claimLimits);
    assertEquals(4, queued.size());
  }

  @Test
  void withABacklogFinishedSendsClaimAgainOnceHalfTheRoomIsFree() {
    due(9);
    DrainWebhooksJob job = job();
    job.drainOnce(); // claims 4 of 9: full, so a backlog
    queued.poll().run(); // 3 in flight: above half the cap, no claim
    assertEquals(List.of(4), deliveries.claimLimits);
    queued.poll().run(); // 2 in flight: half free, claims 2 more
    assertEquals(List.of(4, 2), deliveries.claimLimits);
    // Drain everything the way worker threads would; the refills stop when a claim comes back short.
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
    assertEquals(0, deliveries.due.size(), "all nine sent without another tick");
    int claims = deliveries.claimLimits.size();
    assertEquals(0, job.drainOnce(), "nothing left");
    assertEquals(claims + 1, deliveries.claimLimits.size());
  }

  @Test
  void aClaimIsPreparedInOneCallAndOutcomesWaitingTogetherAreRecordedInOneWrite() {
    due(4);
    DrainWebhooksJob job = job();
    job.drainOnce();
    assertEquals(List.of(List.of(1L, 2L, 3L, 4L)), attempts.prepared, "one prepare for the whole claim");
    // Three sends finish while another thread is recording: their outcomes wait in the queue.
    job.recordingHeldForTest(() -> {
      queued.poll().run();
      queued.poll().run();
      queued.poll().run();
    });
    assertEquals(List.of(List.of(1L, 2L, 3L)), attempts.recorded, "the waiting outcomes go in one write");
    queued.poll().run();
    assertEquals(List.of(List.of(1L, 2L, 3L), List.of(4L)), attempts.recorded, "alone, an outcome is written at once");
  }

  @Test
  void withoutABacklogFinishedSendsDoNotClaim() {
    due(3);
    job().drainOnce(); // 3 of room 4: no backlog
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
    assertEquals(List.of(4), deliveries.claimLimits, "only the tick claimed");
  }
}
