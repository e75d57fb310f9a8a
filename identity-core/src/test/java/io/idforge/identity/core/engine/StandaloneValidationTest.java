package io.idforge.identity.core.engine;

import static io.idforge.identity.core.TestData.CLOCK;
import static io.idforge.identity.core.TestData.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.application.steps.DocumentStepHandler;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.validation.IllegalTransitionException;
import io.idforge.identity.core.domain.validation.Trigger;
import io.idforge.identity.core.domain.validation.Validation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Standalone validations of the Validations API on the engine: one attempt each (Truora's API
 * clients retry with {@code retry_of_id}), a retry chain that counts down, inputs that arrive side
 * by side, and the timeout that expires them.
 */
class StandaloneValidationTest {

  final ProcessEngine engine = new ProcessEngine(CLOCK);

  static Validation standalone(StepType type, int allowedRetries, int timeoutSeconds) {
    return new Validation(null, "TCI1", "acc-1", 0, type, allowedRetries, null, timeoutSeconds, "10.0.0.1", now());
  }

  static ProcessRecord record(Validation v) {
    return ProcessRecord.standalone(v, x -> Optional.empty(), "backend:test");
  }

  @Test
  void aFixableFailureDeclinesAStandaloneValidationWithItsOwnReason() {
    Validation v = standalone(StepType.DOCUMENT_VALIDATION, 2, 300);
    ProcessRecord r = record(v);
    engine.submit(r, v);
    assertTrue(engine.apply(r, v, v.attempt(), new CheckResult.Failed("blurry_image", null)));
    assertEquals(ProcessStatus.FAILURE, v.status());
    assertEquals(FailureStatus.DECLINED, v.failureStatus());
    assertEquals("blurry_image", v.declinedReason());
    assertEquals(2, v.remainingRetries(), "the allowance is left for retry_of_id");
    assertEquals(EventNames.FAILED, r.events().get(r.events().size() - 1).eventAction());
  }

  @Test
  void aRetryCarriesThePreviousAllowanceLessOne() {
    Validation first = standalone(StepType.DOCUMENT_VALIDATION, 2, 300);
    Validation second = standalone(StepType.DOCUMENT_VALIDATION, 0, 300);
    second.continueRetriesOf(first);
    assertEquals(2, second.allowedRetries());
    assertEquals(1, second.remainingRetries());
    Validation third = standalone(StepType.DOCUMENT_VALIDATION, 0, 300);
    third.continueRetriesOf(second);
    assertEquals(0, third.remainingRetries());
    assertThrows(IllegalStateException.class, () -> standalone(StepType.DOCUMENT_VALIDATION, 0, 300).continueRetriesOf(third));
  }

  @Test
  void documentSidesArriveOneAtATimeAndOnlyWhileWaiting() {
    Validation v = standalone(StepType.DOCUMENT_VALIDATION, 0, 300);
    v.expectDocument("CO", "national-id");
    v.attachDocumentSide(true, "MED-front");
    assertFalse(DocumentStepHandler.complete(v), "a cédula has a back");
    v.attachDocumentSide(false, "MED-back");
    assertTrue(DocumentStepHandler.complete(v));
    Validation passport = standalone(StepType.DOCUMENT_VALIDATION, 0, 300);
    passport.expectDocument("ALL", "passport");
    passport.attachDocumentSide(true, "MED-page");
    assertTrue(DocumentStepHandler.complete(passport), "a passport has no back");

    v.clearInputs();
    assertNull(v.frontMediaId());
    assertNull(v.reverseMediaId());
    v.move(Trigger.SUBMIT, now());
    assertThrows(IllegalTransitionException.class, () -> v.attachDocumentSide(true, "MED-late"));
  }

  @Test
  void aStandaloneValidationIsDueAtItsTimeoutAndExpiresThenNotBefore() {
    Validation v = standalone(StepType.FACE_RECOGNITION, 0, 300);
    assertEquals(now().plusSeconds(300), v.inputDueAt());
    ProcessRecord r = record(v);
    assertFalse(engine.expireStandalone(r, v, now().plusSeconds(1)), "not due yet");
    assertTrue(v.awaitingInput());
    assertTrue(engine.expireStandalone(r, v, now()));
    assertEquals(FailureStatus.EXPIRED, v.failureStatus());
    assertEquals("input_file_not_uploaded", v.expiredReason());
    assertNull(new Validation("IDP1", "TCI1", "acc-1", 0, StepType.FACE_RECOGNITION, 0, null, 300, null, now()).inputDueAt(),
        "a process's validation lives by its process's deadline");
  }
}
