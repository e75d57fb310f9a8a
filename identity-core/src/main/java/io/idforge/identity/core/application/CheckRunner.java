package io.idforge.identity.core.application;

import io.idforge.identity.core.application.steps.StepChecks;
import io.idforge.identity.core.document.image.DecodeBusyException;
import io.idforge.identity.core.engine.CheckResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs checks off the row lock: once the transaction that submitted an input has committed, the
 * check runs on the container's managed executor with no lock and no connection held (OCR and a
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

  @Resource ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject CheckService checks;

  @Inject StepChecks steps;

  void onRequest(@Observes(during = TransactionPhase.AFTER_SUCCESS) CheckRequested request) {
    submit(request);
  }

  /** Queues the check; never throws. */
  public void submit(CheckRequested request) {
    try {
      executor.execute(() -> run(request, 0));
    } catch (RejectedExecutionException e) {
      LOG.warning(() -> "check of " + request.validationId() + " not queued (executor full); the checks job will run it");
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
      checks.apply(request.validationId(), request.attempt(), result);
    } catch (RuntimeException e) {
      // The database may be away: the validation stays checking and the job retries it.
      LOG.log(Level.WARNING, "could not complete the check of " + request.validationId(), e);
    }
  }

  private void scheduleAgain(CheckRequested request, int busyRetries) {
    try {
      scheduler.schedule(() -> run(request, busyRetries), BUSY_PAUSE_MS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.warning(() -> "busy check of " + request.validationId() + " not rescheduled; the checks job will run it");
    }
  }
}
