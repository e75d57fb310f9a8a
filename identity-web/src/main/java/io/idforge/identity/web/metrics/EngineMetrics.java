package io.idforge.identity.web.metrics;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.core.application.EventsRecorded;
import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.application.steps.OtpLimitTripped;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.engine.EventNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * Counts what the engine did, from its events, once the transaction committed (a rolled-back
 * transition is never counted): processes finished by status and reason, one-time-code limits
 * tripped.
 */
@ApplicationScoped
public class EngineMetrics {

  @Inject IdentityMetrics metrics;

  void onEvents(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsRecorded recorded) {
    for (ProcessEvent e : recorded.events()) {
      if (!EventNames.PROCESS.equals(e.eventType())) {
        continue;
      }
      if (EventNames.SUCCEEDED.equals(e.eventAction())) {
        metrics.processFinished("success", null, null);
      } else if (EventNames.FAILED.equals(e.eventAction())) {
        JsonObject o;
        try (JsonReader reader = JSON.createReader(new StringReader(e.object()))) {
          o = reader.readObject();
        }
        String reason = o.getString("declined_reason", o.getString("expired_reason", null));
        metrics.processFinished("failure", o.getString("failure_status", null), reason);
      }
    }
  }

  void onOtpLimit(@Observes OtpLimitTripped tripped) {
    metrics.otpLimitTripped(tripped.limit());
  }
}
