package io.idforge.identity.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.core.application.EventsRecorded;
import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.engine.EventNames;
import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finished processes are counted from the typed outcomes of a save, not by parsing each event's
 * JSON snapshot back: the snapshot here is not even JSON, and each outcome is counted once.
 */
class EngineMetricsTest {

  @Test
  void countsFinishedProcessesFromTypedOutcomes() {
    List<List<Object>> finished = new ArrayList<>();
    EngineMetrics m = new EngineMetrics();
    m.metrics =
        (IdentityMetrics)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {IdentityMetrics.class},
                (self, method, args) -> {
                  if (method.getName().equals("processFinished")) {
                    finished.add(Arrays.asList(args));
                  }
                  return null;
                });
    OffsetDateTime now = OffsetDateTime.parse("2026-03-01T12:00:00Z");
    ProcessEvent failed =
        new ProcessEvent("TCI1", "IDP1", null, EventNames.PROCESS, EventNames.FAILED, "system", "not json", now);
    ProcessEvent succeeded =
        new ProcessEvent("TCI1", "IDP2", null, EventNames.PROCESS, EventNames.SUCCEEDED, "user", "not json", now);

    m.onEvents(
        new EventsRecorded(
            List.of(failed, succeeded),
            List.of(
                new EventsRecorded.Finished("failure", "expired", "validation_timeout"),
                new EventsRecorded.Finished("success", null, null),
                new EventsRecorded.Finished("failure", "expired", "validation_timeout"),
                new EventsRecorded.Finished("failure", "expired", "manual_review_expired"),
                new EventsRecorded.Finished("failure", "expired", "validation_timeout"))));

    // One increment per distinct outcome, with how many processes ended so.
    assertEquals(
        List.of(
            Arrays.asList("failure", "expired", "validation_timeout", 3L),
            Arrays.asList("success", null, null, 1L),
            Arrays.asList("failure", "expired", "manual_review_expired", 1L)),
        finished);
  }
}
