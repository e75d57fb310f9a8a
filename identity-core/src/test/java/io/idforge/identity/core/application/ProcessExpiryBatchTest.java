package io.idforge.identity.core.application;

import static io.idforge.identity.core.application.ProcessRecordsBatchTest.proxy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.TestData;
import io.idforge.identity.core.application.webhooks.WebhookFanout;
import io.idforge.identity.core.domain.event.EventRepository;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.OverdueRow;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import io.idforge.identity.core.engine.EventNames;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sweep's batch ({@link ProcessExpiry#expireBatch}) on claimed, unmanaged processes: the engine
 * still decides each one (expire, or grace for a running check), every claimed process's new state
 * is handed to {@link ProcessRepository#writeSwept} (nothing else would store it: no persistence
 * context tracks these processes), and each expired process gets exactly one terminal event, the
 * batch's events appended in one call ({@link EventRepository#appendAll}).
 */
class ProcessExpiryBatchTest {

  static final OffsetDateTime NOW = TestData.now();
  static final OffsetDateTime DEADLINE = NOW.minusMinutes(1);

  final List<IdentityProcess> claimed = new ArrayList<>();
  final List<List<IdentityProcess>> written = new ArrayList<>();
  final List<Validation> validations = new ArrayList<>();
  final List<ProcessEvent> appended = new ArrayList<>();
  int appendCalls;

  @Test
  void theEngineDecidesEachClaimedProcessAndTheBatchWritesEveryOne() {
    IdentityProcess idle = IdentityProcess.claimed(row(1, "IDP-idle"));
    IdentityProcess checking = IdentityProcess.claimed(row(2, "IDP-checking"));
    claimed.add(idle);
    claimed.add(checking);
    // The second process's face check was submitted and still runs at the deadline.
    ProcessRecord before = ProcessRecord.of(checking, definition(), List.of(), v -> java.util.Optional.empty(), "user");
    ProcessEngine engine = new ProcessEngine(TestData.CLOCK);
    Validation running = engine.currentValidation(before, null);
    engine.submit(before, running);
    before.drain();
    validations.add(running);

    ProcessExpiry.Batch batch = expiry().expireBatch(NOW, 200, List.of());

    assertEquals(new ProcessExpiry.Batch(2, 1), batch);
    assertEquals(1, written.size(), "one batch write for the whole batch");
    assertEquals(List.of(idle, checking), written.get(0), "every claimed process is written, expired or extended");
    assertEquals(ProcessStatus.FAILURE, idle.status());
    assertEquals(FailureStatus.EXPIRED, idle.failureStatus());
    assertEquals("face_validation_not_started", idle.expiredReason());
    assertEquals(ProcessStatus.PENDING, checking.status(), "a running check gets grace");
    assertEquals(NOW.plus(IdentityProcess.GRACE), checking.expiresAt());
    assertEquals(1, checking.graceExtensions());

    List<ProcessEvent> terminal = appended.stream()
        .filter(e -> e.validationId() == null && EventNames.FAILED.equals(e.eventAction()))
        .toList();
    assertEquals(1, appendCalls, "the batch's events are appended in one call");
    assertEquals(1, terminal.size(), "exactly one terminal event, for the expired process");
    assertEquals("IDP-idle", terminal.get(0).processId());
    assertTrue(terminal.get(0).object().contains("\"failure_status\":\"expired\""), terminal.get(0).object());
  }

  @Test
  void aClaimedProcessCarriesNoSealedData() {
    IdentityProcess p = IdentityProcess.claimed(row(7, "IDP-7"));
    assertNull(p.startData(), "expiry never opens the start data");
    assertSame(ProcessStatus.PENDING, p.status());
    assertTrue(p.isOverdue(NOW));
    assertEquals(7L, p.id());
  }

  private static OverdueRow row(long id, String processId) {
    return new OverdueRow(id, processId, "TCI00000000000000000000000000000001", "acc-" + id,
        "IPF00000000000000000000000000000001", 1, "CO", "web", 0, 0, NOW.minusHours(2), NOW.minusHours(2), DEADLINE);
  }

  private static FlowDefinition definition() {
    return new FlowDefinition("f", true, 60, List.of(TestData.step(StepType.FACE_RECOGNITION)));
  }

  @SuppressWarnings("unchecked")
  private ProcessExpiry expiry() {
    ProcessExpiry e = new ProcessExpiry();
    e.engine = new ProcessEngine(TestData.CLOCK);
    e.processes = proxy(ProcessRepository.class, (m, args) -> {
      if (m.equals("claimOverdue")) {
        return List.copyOf(claimed);
      }
      if (m.equals("writeSwept")) {
        written.add(List.copyOf((List<IdentityProcess>) args[0]));
      }
      return null;
    });
    ProcessRecords r = new ProcessRecords();
    r.validations = proxy(ValidationRepository.class, (m, args) -> m.equals("listByProcesses") ? validations : null);
    r.reviews = proxy(ReviewTaskRepository.class, (m, args) -> m.equals("findOpenByValidations") ? List.of() : null);
    r.events =
        new EventRepository() {
          @Override
          public void append(ProcessEvent event) {
            throw new AssertionError("a batch appends its events in one call");
          }

          @Override
          public void appendAll(List<ProcessEvent> events) {
            appendCalls++;
            appended.addAll(events);
          }

          @Override
          public List<ProcessEvent> listByProcess(String clientId, String processId) {
            return List.of();
          }

          @Override
          public List<ProcessEvent> listByValidation(String clientId, String validationId) {
            return List.of();
          }
        };
    r.webhooks =
        new WebhookFanout() {
          @Override
          public void fanOut(List<ProcessEvent> events) {} // no endpoint in this test
        };
    r.recorded = proxy(Event.class, (m, args) -> null);
    r.checkRequests = proxy(Event.class, (m, args) -> null);
    r.definitions =
        new FlowDefinitions() {
          @Override
          public FlowDefinition of(String flowId, int version) {
            return definition();
          }
        };
    e.records = r;
    return e;
  }
}
