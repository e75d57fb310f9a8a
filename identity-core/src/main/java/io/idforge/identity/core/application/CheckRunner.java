package io.idforge.identity.core.application;

import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.application.steps.StepChecks;
import io.idforge.identity.core.document.image.DecodeBusyException;
import io.idforge.identity.core.engine.CheckResult;
import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs checks off the row lock: once the transaction that submitted an input has committed, the
 * check runs on this runner's own bounded threads (from the container's managed thread factory)
 * with no lock and no connection held (OCR and a
 * registry call can take tens of seconds), and its result is applied in a new short transaction
 * ({@link CheckService#apply}), idempotently. A check that is lost (a full executor, a crash, a
 * restart) is found again by the checks job at its due time and run again under the grace rule.
 */
@ApplicationScoped
public class CheckRunner {

  private static final Logger LOG = Logger.getLogger(CheckRunner.class.getName());

  /** How often a check finding every decoder busy is tried again before the job takes over. */
  static final int BUSY_RETRIES = 30;

  /** Pause before trying a busy check again. */
  static final long BUSY_PAUSE_MS = 2_000;

  /** Makes the check threads: container-managed, so they carry the application's context. */
  @Resource ManagedThreadFactory threadFactory;

  /**
   * Runs the checks: {@code identity.checks.threads} threads of its own and a bounded queue. Not
   * the default managed executor: Payara's has a core pool of 0 and an unbounded queue, so it ran
   * every check on one thread (as the webhook senders found, see {@code DrainWebhooksJob}).
   */
  Executor executor;

  @Inject
  @ConfigProperty(name = "identity.checks.threads", defaultValue = "4")
  int threads;

  /** Checks waiting for a thread; past this a check is left to the checks job (its due time). */
  @Inject
  @ConfigProperty(name = "identity.checks.queue", defaultValue = "1000")
  int queue;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject CheckService checks;

  @Inject StepChecks steps;

  @Inject IdentityMetrics metrics;

  void onRequest(@Observes(during = TransactionPhase.AFTER_SUCCESS) CheckRequested request) {
    submit(request);
  }

  /** Queues the check; never throws. */
  public void submit(CheckRequested request) {
    try {
      executor().execute(() -> run(request, 0));
    } catch (RejectedExecutionException e) {
      LOG.warning(() -> "check of " + request.validationId() + " not queued (executor full); the checks job will run it");
    }
  }

  synchronized Executor executor() {
    if (executor == null) {
      int n = Math.max(1, threads);
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(Math.max(1, queue)), threadFactory);
      pool.allowCoreThreadTimeOut(true); // an idle node keeps no check threads
      executor = pool;
    }
    return executor;
  }

  @PreDestroy
  synchronized void stop() {
    if (executor instanceof ThreadPoolExecutor pool) {
      // Checks not finished stay checking; the checks job runs them again at their due time.
      pool.shutdownNow();
    }
  }

  /** Runs one check in the calling thread: read inputs, check, apply. */
  public void run(CheckRequested request) {
    run(request, 0);
  }

  private void run(CheckRequested request, int busyRetries) {
    try {
      Optional<CheckInputs> inputs = checks.inputs(request.validationId(), request.attempt());
      if (inputs.isEmpty()) {
        return; // already decided, canceled or superseded
      }
      CheckResult result;
      long started = System.nanoTime();
      try {
        result = steps.run(inputs.get());
      } catch (DecodeBusyException e) {
        // Every decoder is taken: not the user's fault and no verdict. Try again shortly; after a
        // minute the check stays checking and the checks job runs it at its due time.
        if (busyRetries < BUSY_RETRIES) {
          scheduleAgain(request, busyRetries + 1);
        }
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "check of " + request.validationId() + " failed", e);
        result = new CheckResult.Broken(null);
      }
      report(inputs.get(), result, Duration.ofNanos(System.nanoTime() - started));
      checks.apply(request.validationId(), request.attempt(), result);
    } catch (RuntimeException e) {
      // The database may be away: the validation stays checking and the job retries it.
      LOG.log(Level.WARNING, "could not complete the check of " + request.validationId(), e);
    }
  }

  /** Metrics are best effort: a failing registry never loses a verdict. */
  private void report(CheckInputs inputs, CheckResult result, Duration took) {
    try {
      metrics.checkCompleted(inputs.type().wireValue(), outcome(result), took);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "check metrics not recorded", e);
    }
  }

  /** The metric label of a verdict: the {@link CheckResult} kind. */
  static String outcome(CheckResult result) {
    if (result instanceof CheckResult.Passed) {
      return "passed";
    }
    if (result instanceof CheckResult.Failed) {
      return "failed";
    }
    return result instanceof CheckResult.Undecided ? "undecided" : "broken";
  }

  private void scheduleAgain(CheckRequested request, int busyRetries) {
    try {
      scheduler.schedule(() -> run(request, busyRetries), BUSY_PAUSE_MS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.warning(() -> "busy check of " + request.validationId() + " not rescheduled; the checks job will run it");
    }
  }
}
