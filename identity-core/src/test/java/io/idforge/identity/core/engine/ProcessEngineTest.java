package io.idforge.identity.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.TestData;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessStart;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationState;
import io.idforge.identity.core.fixtures.MovableClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine's rules with an injected clock, including the outcomes the browser suite plays
 * through the hosted pages (blur retry, underage, face mismatch, missing portrait, cancel, expiry).
 */
class ProcessEngineTest {

  final MovableClock clock = new MovableClock(TestData.NOW);
  final ProcessEngine engine = new ProcessEngine(clock);

  static FlowStep step(StepType type, int retries, String manualReview) {
    return new FlowStep(
        "IPS" + type.ordinal(), type, new StepConfig(retries, 0.65, List.of(), manualReview, null, 300, 3600));
  }

  ProcessRecord record(FlowStep... steps) {
    IdentityProcess p =
        new IdentityProcess(
            new ProcessStart(
                "TCI1", "acc-1", "IPF1", 1, "jti-1", "web", "CO", "https://example.com/done", null, "10.0.0.1",
                OffsetDateTime.now(clock).plusHours(2)),
            OffsetDateTime.now(clock));
    return ProcessRecord.of(p, new FlowDefinition("f", true, 120, List.of(steps)), List.of(), v -> Optional.empty(), "user");
  }

  static List<String> events(ProcessRecord r) {
    List<String> out = new ArrayList<>();
    for (ProcessEvent e : r.events()) {
      out.add(e.eventType().replace("digital_identity.", "") + ":" + e.eventAction());
    }
    return out;
  }

  // --- passing, moving on, succeeding --------------------------------------------------------

  @Test
  void aPassedCodeMovesToTheNextStepAndTheLastStepFinishesTheProcess() {
    ProcessRecord r = record(step(StepType.EMAIL_VERIFICATION, 2, "default"), step(StepType.DOCUMENT_VALIDATION, 0, "default"));
    engine.started(r);
    Validation email = engine.currentValidation(r, "10.0.0.2");
    assertEquals("10.0.0.2", email.ipAddress());
    assertNull(engine.submitAndJudge(r, email, new CheckResult.Passed(null)));
    assertEquals(ValidationState.SUCCEEDED, email.state());
    Validation document = engine.currentValidation(r, null);
    assertEquals(StepType.DOCUMENT_VALIDATION, document.type());
    assertEquals(1, r.process().currentStepIndex());

    engine.submit(r, document);
    assertEquals(List.of(document), r.checksToRun(), "the check runs after commit, off the lock");
    assertTrue(engine.apply(r, document, document.attempt(), new CheckResult.Passed("{\"x\":1}")));
    assertEquals(ProcessStatus.SUCCESS, r.process().status());
    assertEquals("{\"x\":1}", document.details());
    assertEquals(
        List.of(
            "identity_process:created",
            "email_verification:created",
            "email_verification:succeeded",
            "identity_process:step_succeeded",
            "document_validation:created",
            "document_validation:succeeded",
            "identity_process:step_succeeded",
            "identity_process:succeeded"),
        events(r));
  }

  @Test
  void applyingACheckResultTwiceOrForAStaleAttemptChangesNothing() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 1, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    int first = v.attempt();
    assertTrue(engine.apply(r, v, first, new CheckResult.Failed("blurry_image", null)));
    int eventsAfterFirst = r.events().size();
    assertFalse(engine.apply(r, v, first, new CheckResult.Failed("blurry_image", null)), "already applied");
    engine.submit(r, v);
    assertFalse(engine.apply(r, v, first, new CheckResult.Passed(null)), "a result of an earlier attempt");
    assertEquals(ValidationState.CHECKING, v.state());
    assertEquals(eventsAfterFirst, r.events().size());
    assertEquals(0, v.remainingRetries());
  }

  // --- retries (the browser suite's blur retake) ------------------------------------------------

  @Test
  void aBlurryPhotoUsesARetryThenASharpOnePasses() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 2, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Failed("blurry_image", null));
    assertEquals(ValidationState.AWAITING_INPUT, v.state());
    assertEquals(1, v.remainingRetries());
    assertEquals("blurry_image", v.lastReason());
    assertEquals(ProcessStatus.PENDING, r.process().status());
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Passed(null));
    assertEquals(ProcessStatus.SUCCESS, r.process().status());
  }

  @Test
  void retriesUsedUpDeclineWithMaxRetriesReached() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 0, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Failed("no_face_detected", null, "selfie_multiple_faces"));
    assertEquals(ValidationState.DECLINED, v.state());
    assertEquals("max_retries_reached", v.declinedReason());
    assertEquals("max_retries_reached", r.process().declinedReason());
  }

  @Test
  void aRetryShowsTheHintOfWhatToFix() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 2, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Failed("no_face_detected", null, "selfie_multiple_faces"));
    assertEquals("selfie_multiple_faces", v.lastReason());
  }

  @Test
  void anUploadRefusedBeforeAnyCheckCostsARetryWithoutStartingOne() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 1, "default"));
    Validation v = engine.currentValidation(r, null);
    assertEquals("empty_input_file", engine.refuse(r, v, "empty_input_file", null));
    assertEquals(ValidationState.AWAITING_INPUT, v.state());
    assertEquals(0, v.remainingRetries());
    assertTrue(r.checksToRun().isEmpty());
  }

  @Test
  void aWrongCodeKeepsTheStepWaitingAndCountsOnTheChallenge() {
    ProcessRecord r = record(step(StepType.PHONE_VERIFICATION, 2, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.wrongCode(r, v, "wrong_verification_code");
    assertEquals(ValidationState.AWAITING_INPUT, v.state());
    assertEquals("wrong_verification_code", v.lastReason());
  }

  // --- final failures and reviews (underage, face mismatch, engine off) -------------------------

  @Test
  void anUnderageHolderDeclinesTheProcessWithTheReason() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 2, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Failed("underage", "{}"));
    assertEquals(FailureStatus.DECLINED, r.process().failureStatus());
    assertEquals("underage", r.process().declinedReason());
    assertEquals(2, v.remainingRetries(), "a final reason uses no retry");
  }

  @Test
  void aReviewTriggeringReasonWaitsForAHumanWhenTheStepEnablesReview() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 0, "enabled"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Failed("age_above_threshold", "{}"));
    assertEquals(ValidationState.IN_REVIEW, v.state());
    assertEquals(ProcessStatus.PENDING, r.process().status());
    ReviewTask task = r.openedReviews().get(0);
    assertEquals("age_above_threshold", task.reason());
    assertEquals(OffsetDateTime.now(clock).plusSeconds(3600), task.dueAt());
    assertTrue(
        !r.process().expiresAt().isBefore(task.dueAt()), "the process lives at least until the review's deadline");
  }

  @Test
  void theSameReasonDeclinesWhenReviewIsNotEnabled() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 0, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Failed("age_above_threshold", "{}"));
    assertEquals("age_above_threshold", r.process().declinedReason());
    assertTrue(r.openedReviews().isEmpty());
  }

  @Test
  void aFaceMismatchUsesTheStepsRetriesAsRemainingRetriesSays() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 2, "default"));
    Validation v = engine.currentValidation(r, null);
    for (int left = 1; left >= 0; left--) {
      engine.submit(r, v);
      assertTrue(engine.apply(r, v, v.attempt(), new CheckResult.Failed("similarity_threshold_not_passed", null)));
      assertEquals(ValidationState.AWAITING_INPUT, v.state(), "a retry while remaining_retries was " + (left + 1));
      assertEquals(left, v.remainingRetries());
      assertEquals("similarity_threshold_not_passed", v.lastReason());
      assertEquals(ProcessStatus.PENDING, r.process().status());
    }
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Failed("similarity_threshold_not_passed", null));
    assertEquals("max_retries_reached", r.process().declinedReason(), "no attempt left: declined");
    assertEquals("max_retries_reached", v.declinedReason());
    assertEquals("similarity_threshold_not_passed", v.lastReason(), "what went wrong stays for the page");
    assertEquals(0, v.remainingRetries());
  }

  @Test
  void aLivenessMissUsesConfiguredRetriesAndWithoutThemDeclinesAsTheIssueSays() {
    ProcessRecord retried = record(step(StepType.FACE_RECOGNITION, 1, "default"));
    Validation v = engine.currentValidation(retried, null);
    engine.submit(retried, v);
    engine.apply(retried, v, v.attempt(), new CheckResult.Failed("liveness_verification_not_passed", null));
    assertEquals(ValidationState.AWAITING_INPUT, v.state(), "a person who moved too little records again");
    assertEquals(0, v.remainingRetries());
    engine.submit(retried, v);
    engine.apply(retried, v, v.attempt(), new CheckResult.Failed("liveness_verification_not_passed", null));
    assertEquals("max_retries_reached", retried.process().declinedReason());

    // Truora's default for faces is no retry: a still photo fails at once with the liveness reason.
    ProcessRecord still = record(step(StepType.FACE_RECOGNITION, 0, "default"));
    Validation w = engine.currentValidation(still, null);
    engine.submit(still, w);
    engine.apply(still, w, w.attempt(), new CheckResult.Failed("liveness_verification_not_passed", null));
    assertEquals("liveness_verification_not_passed", still.process().declinedReason());
  }

  @Test
  void aFaceMismatchWithoutRetriesDeclinesWithItsReasonAndAMissingPortraitIsFinal() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 0, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Failed("similarity_threshold_not_passed", null));
    assertEquals("similarity_threshold_not_passed", r.process().declinedReason());

    ProcessRecord other = record(step(StepType.FACE_RECOGNITION, 2, "default"));
    Validation w = engine.currentValidation(other, null);
    engine.submit(other, w);
    engine.apply(other, w, w.attempt(), new CheckResult.Failed("face_not_detected", null));
    assertEquals("face_not_detected", other.process().declinedReason());
  }

  @Test
  void aCheckThatCannotDecideAlwaysGoesToReviewAndABrokenOneIsASystemError() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 0, "disabled"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Undecided("face_matching_off", null));
    assertEquals(ValidationState.IN_REVIEW, v.state());

    ProcessRecord broken = record(step(StepType.FACE_RECOGNITION, 0, "default"));
    Validation w = engine.currentValidation(broken, null);
    engine.submit(broken, w);
    engine.apply(broken, w, w.attempt(), new CheckResult.Broken(null));
    assertEquals(FailureStatus.SYSTEM_ERROR, broken.process().failureStatus());
    assertEquals(ValidationState.SYSTEM_ERROR, w.state());
  }

  @Test
  void anApprovalContinuesTheFlowAndADeclineFailsItWithTheReviewersReason() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 0, "default"), step(StepType.EMAIL_VERIFICATION, 2, "default"));
    Validation v = inReview(r);
    ReviewTask task = r.openedReviews().get(0);
    engine.decide(r, v, task, true, null, "rev-1", "looks right");
    assertEquals(ValidationState.SUCCEEDED, v.state());
    assertEquals(1, r.process().currentStepIndex());
    assertTrue(v.details().contains("\"manually_reviewed\":true"));
    assertTrue(v.details().contains("\"result\":\"valid\""));
    assertEquals("approved", task.decision());
    assertThrows(ConflictException.class, () -> engine.decide(r, v, task, true, null, "rev-1", null), "decided once");

    ProcessRecord other = record(step(StepType.FACE_RECOGNITION, 0, "default"));
    Validation w = inReview(other);
    ReviewTask second = other.openedReviews().get(0);
    assertThrows(
        InvalidRequestException.class, () -> engine.decide(other, w, second, false, "made_up", "rev-1", null));
    engine.decide(other, w, second, false, "manual_review_failed", "rev-1", "different person");
    assertEquals("manual_review_failed", other.process().declinedReason());
    assertTrue(w.details().contains("\"result\":\"invalid\""));
  }

  @Test
  void aTaskClaimedByOneReviewerCannotBeDecidedByAnotherNorAfterItsDeadline() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 0, "default"));
    Validation v = inReview(r);
    ReviewTask task = r.openedReviews().get(0);
    task.claim("rev-a", OffsetDateTime.now(clock));
    assertThrows(ConflictException.class, () -> engine.decide(r, v, task, true, null, "rev-b", null));
    clock.advance(Duration.ofSeconds(3601));
    assertThrows(ConflictException.class, () -> engine.decide(r, v, task, true, null, "rev-a", null));
    assertEquals(ValidationState.IN_REVIEW, v.state());
  }

  @Test
  void aReviewNobodyDecidesExpiresAtItsOwnDeadlineBeforeTheProcesss() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 0, "default"), step(StepType.EMAIL_VERIFICATION, 2, "default"));
    Validation v = inReview(r);
    assertFalse(engine.reviewOverdue(r, v), "within the review's hour");
    clock.advance(Duration.ofSeconds(3600));
    assertTrue(r.process().expiresAt().isAfter(OffsetDateTime.now(clock)), "the process itself is not due yet");
    assertTrue(engine.reviewOverdue(r, v));
    assertEquals("manual_review_expired", v.expiredReason());
    assertEquals("manual_review_expired", r.process().expiredReason());
    assertEquals("expired", r.openedReviews().get(0).status());
  }

  private Validation inReview(ProcessRecord r) {
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Undecided("face_matching_off", null));
    return v;
  }

  // --- cancel, expiry, grace -------------------------------------------------------------------

  @Test
  void cancellingEndsTheLiveValidationWithTheReasonAndClosesItsReview() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 0, "default"));
    Validation v = inReview(r);
    engine.cancel(r, "dont_want_to_continue");
    assertEquals(ValidationState.CANCELED, v.state());
    assertEquals("dont_want_to_continue", v.declinedReason());
    assertEquals("canceled", r.process().declinedReason());
    assertEquals("canceled", r.openedReviews().get(0).status());
    assertThrows(ConflictException.class, () -> engine.cancel(r, null));
  }

  @Test
  void aGivenConsentIsRecordedOnceWithItsTextVersionAndAnEvent() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 0, "default"));
    engine.recordConsent(r, true, "1/es", "10.0.0.9", "Mozilla/5.0 " + "x".repeat(600));
    assertEquals(Boolean.TRUE, r.process().consentGiven());
    assertEquals("1/es", r.process().consentTextVersion());
    assertEquals("10.0.0.9", r.process().consentIp());
    assertEquals(512, r.process().consentUserAgent().length(), "the user agent is cut to the column");
    assertEquals(OffsetDateTime.now(clock), r.process().consentAt());
    assertTrue(r.process().isPending(), "the first step comes next");
    assertTrue(events(r).contains("identity_process:consent_recorded"), events(r).toString());
    assertThrows(ConflictException.class, () -> engine.recordConsent(r, false, "1/es", null, null), "answered once");
  }

  @Test
  void aRefusedConsentDeclinesTheProcessDataAuthorizationNotProvided() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 0, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.recordConsent(r, false, "1/pt", "10.0.0.9", "UA");
    assertEquals(Boolean.FALSE, r.process().consentGiven());
    assertEquals("data_authorization_not_provided", r.process().declinedReason());
    assertEquals(ValidationState.CANCELED, v.state());
    assertEquals("data_authorization_not_provided", v.declinedReason());
    assertTrue(events(r).contains("identity_process:failed"), events(r).toString());
    assertThrows(ConflictException.class, () -> engine.recordConsent(r, true, "1/pt", null, null));
  }

  @Test
  void aProcessPastItsDeadlineExpiresWithTheReasonOfTheStepItWasOn() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 0, "default"));
    Validation v = engine.currentValidation(r, null);
    assertFalse(engine.expire(r), "not yet overdue");
    clock.advance(Duration.ofHours(2));
    assertTrue(engine.expire(r));
    assertEquals("input_file_not_uploaded", r.process().expiredReason());
    assertEquals(ValidationState.EXPIRED, v.state());
  }

  @Test
  void aCheckPastItsTimeoutGetsThreeGracePeriodsThenExpiresPendingValidationMethods() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 0, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    r.drain();
    assertFalse(engine.checkOverdue(r, v), "within its timeout");
    for (int grace = 1; grace <= 3; grace++) {
      clock.advance(Duration.ofSeconds(301));
      assertFalse(engine.checkOverdue(r, v));
      assertEquals(grace, v.checkGrace());
      assertEquals(List.of(v), r.drain().checks(), "each grace runs the check again (a lost check resumes)");
      clock.advance(ProcessEngine.GRACE.minusSeconds(301));
    }
    clock.advance(Duration.ofSeconds(301));
    assertTrue(engine.checkOverdue(r, v));
    assertEquals("pending_validation_methods", v.expiredReason());
    assertEquals("pending_validation_methods", r.process().expiredReason());
    assertFalse(engine.apply(r, v, v.attempt(), new CheckResult.Passed(null)), "a late result changes nothing");
  }

  @Test
  void aProcessDeadlineWhileACheckRunsGrantsTheProcessGrace() {
    ProcessRecord r = record(step(StepType.FACE_RECOGNITION, 0, "default"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    clock.advance(Duration.ofHours(2));
    assertFalse(engine.expire(r));
    assertEquals(ProcessStatus.PENDING, r.process().status());
    assertEquals(OffsetDateTime.now(clock).plus(IdentityProcess.GRACE), r.process().expiresAt());
  }

  // --- overrides -------------------------------------------------------------------------------

  @Test
  void aFinishedProcessCanBeOverriddenWithTruorasReasonsAndKeepsItsHistory() {
    ProcessRecord r = record(step(StepType.DOCUMENT_VALIDATION, 0, "default"));
    assertThrows(ConflictException.class, () -> engine.override(r, ProcessStatus.SUCCESS, "regular_client", null, "op"));
    Validation v = engine.currentValidation(r, null);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Failed("underage", null));
    assertThrows(
        InvalidRequestException.class, () -> engine.override(r, ProcessStatus.SUCCESS, "manipulated_photo", null, "op"));
    engine.override(r, ProcessStatus.SUCCESS, "in_person_customer", "seen at the branch", "op-1");
    assertEquals("success", r.process().overrideStatus());
    assertEquals(ProcessStatus.FAILURE, r.process().status(), "the original outcome stays");
    assertThrows(
        ConflictException.class, () -> engine.override(r, ProcessStatus.SUCCESS, "regular_client", null, "op"));
    engine.override(r, ProcessStatus.FAILURE, "internal_reasons", null, "op-2");
    assertTrue(r.process().overrideHistory().contains("\"new_status\":\"success\""));
    assertTrue(r.process().overrideHistory().contains("\"new_status\":\"failure\""));
    List<String> events = events(r);
    assertEquals("identity_process:overwritten_failure", events.get(events.size() - 1));
    assertEquals("identity_process:overwritten_success", events.get(events.size() - 2));
  }

  // --- standalone validations and illegal moves ------------------------------------------------

  @Test
  void aStandaloneValidationMovesWithoutAProcess() {
    Validation v =
        new Validation(null, "TCI1", "acc-1", 0, StepType.DOCUMENT_VALIDATION, 0, null, 300, "10.0.0.1", OffsetDateTime.now(clock));
    ProcessRecord r = ProcessRecord.standalone(v, x -> Optional.empty(), "backend:k");
    engine.created(r, v);
    engine.submit(r, v);
    engine.apply(r, v, v.attempt(), new CheckResult.Passed(null));
    assertEquals(ValidationState.SUCCEEDED, v.state());
    assertEquals(List.of("document_validation:created", "document_validation:succeeded"), events(r));
    assertEquals("backend:k", r.events().get(0).actor());
  }

  @Test
  void submittingToAStepThatIsNotCurrentOrAFinishedProcessIsRefused() {
    ProcessRecord r = record(step(StepType.EMAIL_VERIFICATION, 2, "default"), step(StepType.FACE_RECOGNITION, 0, "default"));
    Validation email = engine.currentValidation(r, null);
    engine.submitAndJudge(r, email, new CheckResult.Passed(null));
    assertThrows(ConflictException.class, () -> engine.submit(r, email), "the email step is done");
    Validation face = engine.currentValidation(r, null);
    engine.submit(r, face);
    assertThrows(ConflictException.class, () -> engine.submit(r, face), "already being checked");
    assertSame(face, engine.currentValidation(r, null));
    engine.cancel(r, null);
    assertNull(engine.currentValidation(r, null));
    assertNotNull(r.process().declinedReason());
  }
}
