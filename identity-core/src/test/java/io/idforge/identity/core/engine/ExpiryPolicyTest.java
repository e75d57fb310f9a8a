package io.idforge.identity.core.engine;

import static io.idforge.identity.core.TestData.now;
import static io.idforge.identity.core.TestData.validation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.validation.Trigger;
import io.idforge.identity.core.domain.validation.Validation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ExpiryPolicyTest {

  @ParameterizedTest
  @CsvSource({
    "PHONE_VERIFICATION, phone_validation_not_started",
    "EMAIL_VERIFICATION, email_validation_not_started",
    "DOCUMENT_VALIDATION, document_validation_not_started",
    "FACE_RECOGNITION, face_validation_not_started"
  })
  void aStepNeverStartedExpiresAsNotStarted(StepType step, String reason) {
    assertEquals(new ExpiryPolicy.Expire(reason), ExpiryPolicy.decide(step, null, true));
  }

  @ParameterizedTest
  @CsvSource({
    "PHONE_VERIFICATION, validation_not_performed",
    "EMAIL_VERIFICATION, validation_not_performed",
    "DOCUMENT_VALIDATION, input_file_not_uploaded",
    "FACE_RECOGNITION, input_file_not_uploaded"
  })
  void aStepWaitingForInputExpiresAsNotPerformedOrNotUploaded(StepType step, String reason) {
    assertEquals(new ExpiryPolicy.Expire(reason), ExpiryPolicy.decide(step, validation(step, 0), true));
  }

  @ParameterizedTest
  @EnumSource(value = StepType.class, names = {"DOCUMENT_VALIDATION", "FACE_RECOGNITION"})
  void aValidationInReviewExpiresAsManualReviewExpired(StepType step) {
    Validation v = validation(step, 0);
    v.move(Trigger.SUBMIT, now());
    v.move(Trigger.REVIEW, "face_matching_off", now());
    assertEquals(new ExpiryPolicy.Expire("manual_review_expired"), ExpiryPolicy.decide(step, v, true));
  }

  @ParameterizedTest
  @EnumSource(StepType.class)
  void inputsInAndChecksRunningGetGraceThenExpire(StepType step) {
    Validation v = validation(step, 0);
    v.move(Trigger.SUBMIT, now());
    assertInstanceOf(ExpiryPolicy.Extend.class, ExpiryPolicy.decide(step, v, true));
    ExpiryPolicy.Expire last = (ExpiryPolicy.Expire) ExpiryPolicy.decide(step, v, false);
    String expected = step == StepType.DOCUMENT_VALIDATION ? "pending_validation_methods" : "input_file_not_uploaded";
    assertEquals(expected, last.reason());
  }

  @ParameterizedTest
  @EnumSource(StepType.class)
  void everyReasonItCanChooseIsCatalogued(StepType step) {
    String reason = ((ExpiryPolicy.Expire) ExpiryPolicy.decide(step, null, false)).reason();
    assertEquals(true, ReasonCatalogue.standard().isExpiredReason(reason), reason);
  }

}
