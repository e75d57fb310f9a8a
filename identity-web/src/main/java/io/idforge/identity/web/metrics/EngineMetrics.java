package io.idforge.identity.web.metrics;

import io.idforge.identity.core.application.EventsRecorded;
import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.application.steps.OtpLimitTripped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what the engine did, from its events, once the transaction committed (a rolled-back
 * transition is never counted): processes finished by status and reason, one-time-code limits
 * tripped.
 */
@ApplicationScoped
public class EngineMetrics {

  @Inject IdentityMetrics metrics;

  void onEvents(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsRecorded recorded) {
    // Typed outcomes from the save: no JSON snapshot parsed back per event. A sweep's save ends
    // up to a batch of processes, mostly with a few reasons: one increment per distinct outcome
    // (the registry's tagged lookup per process was 6 % of the sweep's CPU).
    Map<EventsRecorded.Finished, Long> counts = new LinkedHashMap<>();
    for (EventsRecorded.Finished f : recorded.finished()) {
      counts.merge(f, 1L, Long::sum);
    }
    counts.forEach((f, n) -> metrics.processFinished(f.status(), f.failureStatus(), f.reason(), n));
  }

  void onOtpLimit(@Observes OtpLimitTripped tripped) {
    metrics.otpLimitTripped(tripped.limit());
  }
}
