package io.idforge.identity.core.jobs;

import io.idforge.identity.core.application.port.JobLeaseRepository;
import io.idforge.identity.core.application.port.WebhookSender;
import io.idforge.identity.core.application.webhooks.DeliveryAttempts;
import io.idforge.identity.core.application.webhooks.EndpointBreakers;
import io.idforge.identity.core.application.webhooks.WebhookSettings;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due webhook deliveries. Every node runs it on a non-persistent interval timer; a tick
 * claims due rows with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL: nodes claim different rows) by
 * pushing their due time past the claim timeout (the lease) and signs them in the same
 * transaction, then hands each request to its sender threads; finished sends' outcomes are
 * recorded together (group commit, {@link #recordOutcomes}),
 * so the timer never waits for a receiver and a slow endpoint holds only its own requests. A node
 * that dies mid-send leaves the row claimed until the timeout, when any node sends it again: at
 * least once. The in-flight cap bounds threads and connections per node. With a backlog (the last
 * claim filled all the room there was) a finished send claims again as soon as half the room is
 * free, instead of waiting for the next tick: the rate is then bounded by the receivers and the
 * database, not by {@code max-in-flight} per interval (measured: bench/webhooks.sh). Once an hour,
 * under a lease, the job purges finished deliveries past the retention.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DrainWebhooksJob {

  static final String JOB_NAME = "drain-webhooks";
  static final String PURGE_LEASE = "webhook-purge";

  private static final Logger LOG = Logger.getLogger(DrainWebhooksJob.class.getName());
  private static final String OWNER = "node-" + UUID.randomUUID();

  @Resource TimerService timerService;

  /** Makes the sender threads: container-managed, so they carry the application's context. */
  @Resource ManagedThreadFactory threadFactory;

  /**
   * Runs the sends: {@code max-in-flight} threads of its own. Not the default managed executor:
   * Payara's has a core pool of 0 and an unbounded queue, so it runs its whole queue on a single
   * thread (one send at a time, whatever {@code max-in-flight} says; measured 17 deliveries/s).
   */
  Executor senders;

  @Inject WebhookDeliveryRepository deliveries;

  @Inject DeliveryAttempts attempts;

  @Inject WebhookSender sender;

  @Inject EndpointBreakers breakers;

  @Inject WebhookSettings settings;

  @Inject JobLeaseRepository leases;

  @Inject Clock clock;

  private final AtomicInteger inFlight = new AtomicInteger();

  /** Outcomes of finished sends not recorded yet (see {@link #recordOutcomes}). */
  private final Queue<DeliveryAttempts.Outcome> outcomes = new ConcurrentLinkedQueue<>();

  /** One outcome writer at a time per node. */
  private final AtomicBoolean recording = new AtomicBoolean();

  /** The last claim filled its room: more deliveries are probably due. */
  private final AtomicBoolean backlog = new AtomicBoolean();

  /** One claim at a time per node (the timer's or a refill's), so the in-flight cap holds. */
  private final AtomicBoolean claiming = new AtomicBoolean();

  /** The lease query lets its holder renew at will, so this node also keeps its own hourly pace. */
  private volatile OffsetDateTime nextPurgeAt = OffsetDateTime.MIN;

  /** Starts the timer; called once at start-up after the schema migration. */
  public void schedule() {
    for (Timer t : timerService.getTimers()) {
      t.cancel();
    }
    long every = Math.max(200, settings.drainInterval().toMillis());
    long firstDelay = 1000 + ThreadLocalRandom.current().nextLong(Math.max(1, every / 4));
    timerService.createIntervalTimer(firstDelay, every, new TimerConfig(JOB_NAME, false));
    LOG.info(() -> "webhook drain scheduled every " + settings.drainInterval() + " (batch-size " + settings.batchSize()
        + ", max-in-flight " + settings.maxInFlight() + ")");
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimeout(Timer timer) {
    try {
      drainOnce();
      purgeIfDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook drain failed", e);
    }
  }

  /** Claims what this node has room for and queues it; returns how many it queued. */
  public int drainOnce() {
    if (!claiming.compareAndSet(false, true)) {
      return 0; // a refill is claiming right now
    }
    try {
      return claimAndQueue();
    } finally {
      claiming.set(false);
    }
  }

  private int claimAndQueue() {
    int room = Math.min(settings.batchSize(), settings.maxInFlight() - inFlight.get());
    if (room <= 0) {
      return 0;
    }
    // One transaction claims the rows and signs them; rows that need no send are settled in it.
    DeliveryAttempts.Claim claim = attempts.claimAndPrepare(room);
    backlog.set(claim.claimed() == room);
    if (claim.claimed() == 0) {
      return 0;
    }
    List<DeliveryAttempts.Prepared> prepared = claim.toSend();
    Executor run = senders();
    for (DeliveryAttempts.Prepared p : prepared) {
      inFlight.incrementAndGet();
      try {
        run.execute(() -> send(p));
      } catch (RejectedExecutionException e) {
        inFlight.decrementAndGet();
        // The claim runs out and a later tick sends it.
        LOG.fine(() -> "webhook delivery " + p.deliveryId() + " not queued (executor full)");
      }
    }
    return claim.claimed();
  }

  /**
   * Runs {@code meanwhile} as if another thread were recording outcomes, then records what queued
   * up: for tests of the group commit.
   */
  void recordingHeldForTest(Runnable meanwhile) {
    recording.set(true);
    try {
      meanwhile.run();
    } finally {
      recording.set(false);
    }
    recordOutcomes();
  }

  private synchronized Executor senders() {
    if (senders == null) {
      int threads = Math.max(1, settings.maxInFlight());
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
      pool.allowCoreThreadTimeOut(true); // idle nodes keep no sender threads
      senders = pool;
    }
    return senders;
  }

  @PreDestroy
  synchronized void stopSenders() {
    if (senders instanceof ThreadPoolExecutor pool) {
      // Claimed rows not sent yet come back after the claim timeout, on any node.
      pool.shutdownNow();
    }
  }

  /** One prepared delivery: send with no transaction open, queue the outcome. Never throws. */
  void send(DeliveryAttempts.Prepared prepared) {
    try {
      WebhookSender.Result result;
      try {
        result = sender.send(prepared.request());
      } catch (RuntimeException e) {
        // The port promises results, not exceptions; a bug in a sender is still a failed attempt.
        result = new WebhookSender.Result(null, e.getClass().getSimpleName());
      }
      if (result.delivered()) {
        breakers.succeeded(prepared.endpointId());
      } else {
        breakers.failed(prepared.endpointId());
      }
      outcomes.add(new DeliveryAttempts.Outcome(prepared.delivery(), result));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook delivery row " + prepared.deliveryId() + " could not be completed; it is sent again after its claim", e);
    } finally {
      inFlight.decrementAndGet();
    }
    recordOutcomes();
    refillIfBacklogged();
  }

  /**
   * Group commit of outcomes: the first sender thread to finish records, in one transaction, every
   * outcome queued so far (up to {@code batch-size}), and again while more are waiting; the others
   * only queue theirs. Under load one transaction carries many outcomes; when idle, each is
   * recorded at once. An outcome lost to a failed write is sent again after its claim: at least once.
   */
  void recordOutcomes() {
    while (!outcomes.isEmpty() && recording.compareAndSet(false, true)) {
      try {
        List<DeliveryAttempts.Outcome> batch = new ArrayList<>();
        DeliveryAttempts.Outcome o;
        while (batch.size() < Math.max(1, settings.batchSize()) && (o = outcomes.poll()) != null) {
          batch.add(o);
        }
        if (!batch.isEmpty()) {
          attempts.recordAll(batch);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "webhook outcomes not recorded; those deliveries are sent again after their claim", e);
      } finally {
        recording.set(false);
      }
    }
  }

  /**
   * Between ticks, on the thread of a finished send: claims again when the last claim was full and
   * at least half the room is free (so claims come in batches, not one row per finished send).
   */
  private void refillIfBacklogged() {
    if (!backlog.get() || inFlight.get() > settings.maxInFlight() / 2) {
      return;
    }
    try {
      drainOnce();
    } catch (RuntimeException e) {
      // The next tick claims again; nothing is lost.
      LOG.log(Level.FINE, "webhook refill failed", e);
    }
  }

  private void purgeIfDue() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (now.isBefore(nextPurgeAt)) {
      return;
    }
    nextPurgeAt = now.plusHours(1);
    // The lease lasts an hour, so one node purges once an hour.
    if (!leases.tryAcquire(PURGE_LEASE, OWNER, now, now.plus(Duration.ofHours(1)))) {
      return;
    }
    int purged = deliveries.purgeFinishedBefore(now.minus(settings.retention()), 10_000);
    if (purged > 0) {
      LOG.info(() -> "purged " + purged + " webhook deliveries past retention");
    }
  }
}
