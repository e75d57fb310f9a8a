package io.idforge.identity.core.jobs;

import io.idforge.identity.core.application.port.JobLeaseRepository;
import io.idforge.identity.core.privacy.PlaintextSealing;
import io.idforge.identity.core.privacy.RetentionService;
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
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Erases the personal data of finished processes whose tenant's retention period is over, keeping
 * their outcome. Like {@link ExpireProcessesJob}: a non-persistent interval timer on every node, a
 * lease row so one node works per interval, each process in its own transaction under its row
 * lock (a crash or an overlap never redacts twice).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PurgePersonalDataJob {

  static final String JOB_NAME = "purge-personal-data";

  private static final Logger LOG = Logger.getLogger(PurgePersonalDataJob.class.getName());

  private static final String OWNER = "node-" + UUID.randomUUID();

  @Resource TimerService timerService;

  @Inject RetentionService retention;

  @Inject PlaintextSealing sealing;

  @Inject JobLeaseRepository leases;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "identity.retention.purge-interval", defaultValue = "PT1H")
  Duration interval;

  @Inject
  @ConfigProperty(name = "identity.retention.batch-size", defaultValue = "200")
  int batchSize;

  /** Starts the timer; called once at start-up. */
  public void schedule() {
    for (Timer t : timerService.getTimers()) {
      t.cancel();
    }
    long every = Math.max(1000, interval.toMillis());
    long firstDelay = 5000 + ThreadLocalRandom.current().nextLong(Math.max(1, every / 4));
    timerService.createIntervalTimer(firstDelay, every, new TimerConfig(JOB_NAME, false));
    LOG.info(() -> "retention purge scheduled every " + interval);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimeout(Timer timer) {
    try {
      runOnce(OffsetDateTime.now(clock));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "retention purge run failed", e);
    }
  }

  /**
   * One pass as of {@code asOf} (the timer passes the clock's now; an operator or a test may pass
   * another instant). The lease is always taken on the real clock, so a pass as of a later instant
   * never holds other nodes off for longer than one interval.
   *
   * @return how many processes were redacted
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int runOnce(OffsetDateTime asOf) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!leases.tryAcquire(JOB_NAME, OWNER, now, now.plus(interval.multipliedBy(2).plusSeconds(30)))) {
      return 0;
    }
    // A node of the previous version may still write plaintext during a rolling update: each
    // pass seals what it finds, so that does not wait for the next restart.
    sealing.sealAll();
    int redacted = 0;
    List<RetentionService.Due> due;
    int progress;
    do {
      due = retention.due(asOf, batchSize);
      progress = 0;
      for (RetentionService.Due d : due) {
        try {
          if (retention.purge(d, asOf)) {
            progress++;
          }
        } catch (RuntimeException e) {
          // Public ids only: the log never carries personal data.
          LOG.log(Level.WARNING, "could not purge process " + d.processId(), e);
        }
      }
      redacted += progress;
    } while (!due.isEmpty() && progress > 0);
    if (redacted > 0) {
      int count = redacted;
      LOG.info(() -> "retention purge redacted " + count + " finished process(es)");
    }
    return redacted;
  }

  /** True when the timer exists and is not persistent (checked by an IT through LayeringTest's rule). */
  public boolean isScheduledNonPersistent() {
    var timers = timerService.getTimers();
    return !timers.isEmpty() && timers.stream().allMatch(t -> !t.isPersistent() && JOB_NAME.equals(t.getInfo()));
  }
}
