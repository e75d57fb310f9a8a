package io.idforge.identity.core.jobs;

import io.idforge.identity.core.application.CheckRequested;
import io.idforge.identity.core.application.CheckRunner;
import io.idforge.identity.core.application.CheckService;
import io.idforge.identity.core.application.ProcessExpiry;
import io.idforge.identity.core.application.ReviewQueueMetrics;
import io.idforge.identity.core.application.validations.ValidationService;
import io.idforge.identity.core.application.port.JobLeaseRepository;
import io.idforge.identity.core.domain.process.ProcessRepository;
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
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fails pending processes past their deadline with {@code failure_status = expired}, applies
 * the grace rule to checks past their step timeout, and expires standalone validations still
 * waiting for input past their timeout. Runs on a
 * non-persistent interval timer (persistent timers on Payara Micro live only in Hazelcast and stop
 * for good after a fail-over); when several instances share a database, a lease row lets one of
 * them work per interval. Overdue processes are claimed in batches of {@code batch-size} with
 * {@code FOR UPDATE SKIP LOCKED} and expired in one transaction per batch (two sweepers never take
 * the same row, and a locked process is re-checked, so an overlap never expires one twice); a
 * batch that fails rolls back and its processes are retried one by one.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExpireProcessesJob {

  static final String JOB_NAME = "expire-processes";

  private static final Logger LOG = Logger.getLogger(ExpireProcessesJob.class.getName());

  /** Identifies this JVM as a lease owner. */
  private static final String OWNER = "node-" + UUID.randomUUID();

  @Resource TimerService timerService;

  @Inject ProcessRepository processes;

  @Inject ProcessExpiry expiry;

  @Inject CheckService checks;

  @Inject ValidationService standalone;

  @Inject CheckRunner runner;

  @Inject ReviewQueueMetrics reviewQueue;

  @Inject JobLeaseRepository leases;

  @Inject Clock clock;

  /** Processes that failed to expire on their own, kept out of batches on this node. */
  final IsolatedProcesses isolated = new IsolatedProcesses();

  @Inject
  @ConfigProperty(name = "identity.jobs.expire-processes.interval", defaultValue = "PT30S")
  Duration interval;

  @Inject
  @ConfigProperty(name = "identity.jobs.expire-processes.batch-size", defaultValue = "200")
  int batchSize;

  /** Sweeps at once on the lease holder, each claiming its own batches. */
  @Inject
  @ConfigProperty(name = "identity.jobs.expire-processes.workers", defaultValue = "2")
  int workers;

  /** Makes the extra sweepers' threads: container-managed, so they carry the application's context. */
  @Resource ManagedThreadFactory threadFactory;

  /** The extra sweepers ({@code workers} - 1 threads), made on first use. */
  ExecutorService sweepers;

  /** Starts the timer; called once at start-up after the schema migration. */
  public void schedule() {
    for (Timer t : timerService.getTimers()) {
      t.cancel();
    }
    long every = Math.max(1000, interval.toMillis());
    // Jitter spreads instances that started together.
    long firstDelay = 1000 + ThreadLocalRandom.current().nextLong(Math.max(1, every / 4));
    timerService.createIntervalTimer(firstDelay, every, new TimerConfig(JOB_NAME, false));
    LOG.info(() -> "expiry job scheduled every " + interval);
  }

  /** True when this job's timer exists and, as required on Payara Micro, is not persistent. */
  public boolean isScheduledNonPersistent() {
    var timers = timerService.getTimers();
    return !timers.isEmpty()
        && timers.stream().allMatch(t -> !t.isPersistent() && JOB_NAME.equals(t.getInfo()));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimeout(Timer timer) {
    try {
      runOnce();
    } catch (RuntimeException e) {
      // The container would retry a failed timeout; the next interval is the retry.
      LOG.log(Level.WARNING, "expiry job run failed", e);
    }
    publishReviewQueue();
  }

  /**
   * Review queue gauges, measured on every node each interval (not only by the lease holder), so
   * each instance Prometheus scrapes exports current numbers: one aggregate query per node and
   * interval, never one per scrape.
   */
  void publishReviewQueue() {
    try {
      reviewQueue.publish();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "review queue gauges not updated", e);
    }
  }

  /**
   * One pass: take the lease, then expire overdue processes in batches until none is left.
   *
   * @return how many processes this pass expired
   */
  public int runOnce() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Duration lease = interval.multipliedBy(2).plusSeconds(30);
    if (!leases.tryAcquire(JOB_NAME, OWNER, now, now.plus(lease))) {
      return 0;
    }
    int expired = workers <= 1 ? sweep(now) : sweepInParallel(now);
    if (expired > 0) {
      int count = expired;
      LOG.info(() -> "expired " + count + " overdue process(es)");
    }
    return expired + sweepOverdueChecks() + sweepStandaloneValidations();
  }

  /** Batches until one comes back short; returns how many processes this worker expired. */
  int sweep(OffsetDateTime now) {
    int expired = 0;
    ProcessExpiry.Batch batch;
    do {
      try {
        batch = expiry.expireBatch(now, batchSize, isolated.ids());
      } catch (RuntimeException e) {
        // One process spoilt the batch (it rolled back): expire this round one by one.
        LOG.log(Level.WARNING, "expiry batch failed; expiring its processes one by one", e);
        batch = expireOneByOne(now);
      }
      expired += batch.expired();
    } while (batch.claimed() == batchSize);
    return expired;
  }

  /**
   * {@code workers} sweeps at once, this thread being one: each claims its own batches with
   * {@code SKIP LOCKED} (on PostgreSQL disjoint rows; on H2 the others find the rows taken and
   * stop), so a backlog uses more than one core. Waits for all of them, so passes never overlap.
   */
  private int sweepInParallel(OffsetDateTime now) {
    List<Future<Integer>> others = new ArrayList<>();
    for (int i = 1; i < workers; i++) {
      try {
        others.add(sweepers().submit(() -> sweep(now)));
      } catch (RejectedExecutionException e) {
        break; // fewer workers this pass
      }
    }
    int expired = sweep(now);
    for (Future<Integer> f : others) {
      try {
        expired += f.get();
      } catch (ExecutionException e) {
        LOG.log(Level.WARNING, "an expiry worker failed; the next pass retries", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return expired;
  }

  private synchronized ExecutorService sweepers() {
    if (sweepers == null) {
      int threads = Math.max(1, workers - 1);
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(threads), threadFactory);
      pool.allowCoreThreadTimeOut(true); // an idle node keeps no sweeper threads
      sweepers = pool;
    }
    return sweepers;
  }

  @PreDestroy
  synchronized void stopSweepers() {
    if (sweepers != null) {
      sweepers.shutdownNow();
    }
  }

  /**
   * The fallback after a failed batch: each overdue process in its own transaction; one that fails
   * alone is left out of later batches (see {@link IsolatedProcesses}) so it cannot spoil them.
   */
  private ProcessExpiry.Batch expireOneByOne(OffsetDateTime now) {
    List<Long> ids = processes.findOverdueIds(now, batchSize);
    int claimed = 0;
    int expired = 0;
    for (Long id : ids) {
      if (isolated.contains(id)) {
        continue;
      }
      claimed++;
      try {
        if (expiry.expireById(id, now)) {
          expired++;
        }
      } catch (RuntimeException e) {
        isolated.add(id);
        LOG.log(Level.WARNING, "could not expire process row " + id + "; left out of later batches", e);
      }
    }
    return new ProcessExpiry.Batch(claimed, expired);
  }

  /**
   * Standalone validations of the Validations API still waiting for their files or code past
   * their timeout: each expires in its own transaction (reads expire them too; the sweep makes the
   * failure, and its event, happen without a read).
   *
   * @return how many validations this pass expired
   */
  int sweepStandaloneValidations() {
    int expired = 0;
    for (String validationId : standalone.inputDue(batchSize)) {
      try {
        if (standalone.expireIfInputDue(validationId)) {
          expired++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not expire standalone validation " + validationId, e);
      }
    }
    return expired;
  }

  /**
   * Checks past their due time (slow, or lost in a crash or a full executor): each gets a grace
   * period and runs again, or with the grace used up expires {@code pending_validation_methods}.
   *
   * @return how many validations this pass expired
   */
  int sweepOverdueChecks() {
    int expired = 0;
    for (String validationId : checks.due(OffsetDateTime.now(clock), batchSize)) {
      try {
        if (checks.overdue(validationId)) {
          expired++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not handle the overdue check of " + validationId, e);
      }
    }
    for (String validationId : checks.reviewsDue(OffsetDateTime.now(clock), batchSize)) {
      try {
        if (checks.reviewOverdue(validationId)) {
          expired++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not expire the overdue review of " + validationId, e);
      }
    }
    return expired;
  }

  /**
   * Runs again the checks that were running when this node last stopped: nothing else would finish
   * them before their due time. Called once at start-up; applying a result twice is harmless, so a
   * check still running on another node costs only the work.
   */
  public void resumeInterruptedChecks(OffsetDateTime startedAt) {
    for (String validationId : checks.interrupted(startedAt, batchSize)) {
      int attempt = checks.attemptOf(validationId);
      if (attempt >= 0) {
        runner.submit(new CheckRequested(validationId, attempt));
      }
    }
  }
}
