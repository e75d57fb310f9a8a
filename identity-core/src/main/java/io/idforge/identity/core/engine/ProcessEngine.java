package io.idforge.identity.core.engine;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.api.reasons.ReasonKind;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.validation.Trigger;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationState;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Owns every transition of a process and its validations: start a step, submit input, apply a
 * check's result, retry, decline, send to review, decide a review, cancel, expire, override. Each
 * method works on a {@link ProcessRecord} locked by the caller, changes it, and records one event
 * per change in the record; the caller stores what the record lists and runs its checks after
 * commit. The rules live here and nowhere else:
 *
 * <ul>
 *   <li>a passed check moves to the next step (the last one finishes the process {@code success});
 *   <li>a user-fixable failure ({@link StepRules#usesRetry}; a face mismatch too when the step
 *       allows retries) uses a retry, and with none left declines {@code max_retries_reached};
 *   <li>a final failure goes to manual review when the step enables it and the catalogue allows
 *       it, else declines the step and the process with its reason;
 *   <li>a check that cannot decide always goes to review; a broken one is {@code system_error};
 *   <li>a check past its step timeout gets up to three grace periods of five minutes, then expires
 *       {@code pending_validation_methods}.
 * </ul>
 */
public final class ProcessEngine {

  /** Extra time for a check that outlived its step timeout (Truora's grace). */
  public static final Duration GRACE = Duration.ofMinutes(5);

  /** Grace periods per check, as Truora grants them. */
  public static final int MAX_GRACE = 3;

  /** Expiry reason of a check still running after its grace periods. */
  public static final String PENDING_VALIDATION_METHODS = "pending_validation_methods";

  /** Expiry reason of a review nobody decided in time. */
  public static final String MANUAL_REVIEW_EXPIRED = "manual_review_expired";

  /** Reason of a process the user withdrew from. */
  public static final String CANCELED = "canceled";

  /** The user refused the data authorization. */
  public static final String DATA_AUTHORIZATION_NOT_PROVIDED = "data_authorization_not_provided";

  /** Override reasons Truora's dashboard offers, by the status they lead to. */
  public static final Map<ProcessStatus, Set<String>> OVERRIDE_REASONS =
      Map.of(
          ProcessStatus.SUCCESS, Set.of("regular_client", "in_person_customer", "meets_all_requirements", "other"),
          ProcessStatus.FAILURE, Set.of("manipulated_document", "manipulated_photo", "internal_reasons", "other"));

  private final Clock clock;
  private final Duration grace;

  /** An engine with Truora's grace period. */
  public ProcessEngine(Clock clock) {
    this(clock, GRACE);
  }

  /**
   * @param grace the grace period of a check past its timeout (Truora's is {@link #GRACE}; tests
   *     and impatient deployments set a shorter one)
   */
  public ProcessEngine(Clock clock, Duration grace) {
    this.clock = clock;
    this.grace = grace;
  }

  /**
   * This engine with its clock stopped at {@code now}: for a job that decided what is overdue at
   * one instant and must apply the rules at that same instant.
   */
  public ProcessEngine at(OffsetDateTime now) {
    return new ProcessEngine(Clock.fixed(now.toInstant(), java.time.ZoneOffset.UTC), grace);
  }

  // --- starting ---------------------------------------------------------------------------------

  /** Records the {@code created} event of a process the caller just started. */
  public void started(ProcessRecord r) {
    processEvent(r, EventNames.CREATED);
  }

  /**
   * The live validation of the step the process is on, created (with its {@code created} event)
   * when the user reaches the step. Null once the process has finished.
   *
   * @param ipAddress the user's address for a new validation (null: the process's)
   */
  public Validation currentValidation(ProcessRecord r, String ipAddress) {
    FlowStep step = r.currentStep();
    if (step == null) {
      return null;
    }
    IdentityProcess p = r.process();
    Validation latest = r.latestAt(p.currentStepIndex());
    if (latest != null && latest.isPending()) {
      return latest;
    }
    Validation v =
        new Validation(
            p.processId(), p.clientId(), p.accountId(), p.currentStepIndex(), step.type(),
            step.config().allowedRetries(),
            step.type() == StepType.FACE_RECOGNITION ? step.config().faceThreshold() : null,
            step.config().timeoutSeconds(),
            ipAddress == null ? p.ipAddress() : ipAddress, now());
    r.add(v);
    validationEvent(r, v, EventNames.CREATED);
    return v;
  }

  /** Records the {@code created} event of a standalone validation the caller just made. */
  public void created(ProcessRecord r, Validation v) {
    validationEvent(r, v, EventNames.CREATED);
  }

  // --- input and checks -------------------------------------------------------------------------

  /**
   * Every input of this attempt has arrived: the validation is {@code checking} and its check runs
   * after commit, off the row lock.
   */
  public void submit(ProcessRecord r, Validation v) {
    requireCurrent(r, v);
    v.move(Trigger.SUBMIT, now());
    r.dispatch(v);
  }

  /**
   * Applies the result of a quick check inline (a one-time code): submit and judge at once.
   *
   * @return the notice for the user (a reason or hint), or null
   */
  public String submitAndJudge(ProcessRecord r, Validation v, CheckResult result) {
    requireCurrent(r, v);
    v.move(Trigger.SUBMIT, now());
    return judge(r, v, result);
  }

  /**
   * An attempt refused before any check ran (an empty or unreadable upload, a missing side): it
   * costs a retry like a failed check, and declines when none is left.
   *
   * @return the notice for the user
   */
  public String refuse(ProcessRecord r, Validation v, String reason, String hint) {
    requireCurrent(r, v);
    if (!v.awaitingInput()) {
      throw new ConflictException("This step is not waiting for input");
    }
    return judge(r, v, new CheckResult.Failed(reason, null, hint));
  }

  /**
   * A one-time code was wrong: the challenge already counted the attempt, the validation keeps
   * waiting for the next one.
   */
  public void wrongCode(ProcessRecord r, Validation v, String reason) {
    requireCurrent(r, v);
    v.move(Trigger.RETRY, reason, now());
  }

  /**
   * Applies a check's result to the attempt it was run for. Idempotent: a result for an attempt
   * that is no longer being checked (already applied, canceled, expired, superseded) changes
   * nothing.
   *
   * @return true when the result was applied
   */
  public boolean apply(ProcessRecord r, Validation v, int attempt, CheckResult result) {
    if (!v.isChecking() || v.attempt() != attempt) {
      return false;
    }
    if (r.hasProcess() && !r.process().isPending()) {
      return false;
    }
    judge(r, v, result);
    return true;
  }

  /**
   * Turns a check result into the validation's next state and the process's consequences.
   *
   * @return the notice for the user (the reason or hint of a retry, the final reason), or null
   */
  String judge(ProcessRecord r, Validation v, CheckResult result) {
    OffsetDateTime now = now();
    v.recordDetails(result.details(), now);
    if (result instanceof CheckResult.Passed) {
      pass(r, v);
      return null;
    }
    if (result instanceof CheckResult.Failed failed) {
      return fail(r, v, failed);
    }
    if (result instanceof CheckResult.Undecided undecided) {
      review(r, v, undecided.reason());
      return undecided.reason();
    }
    v.move(Trigger.ERROR, now);
    validationEvent(r, v, EventNames.FAILED);
    if (r.hasProcess()) {
      r.process().failWithSystemError(now);
      processEvent(r, EventNames.FAILED);
    }
    return "system_error";
  }

  private String fail(ProcessRecord r, Validation v, CheckResult.Failed failed) {
    String reason = failed.reason();
    // A standalone validation is one attempt: Truora's API client retries with a new validation
    // (retry_of_id), so its failure is final and carries the real reason.
    if (r.hasProcess() && StepRules.usesRetry(reason, v.type(), v.allowedRetries())) {
      if (v.remainingRetries() > 0) {
        v.useRetry();
        // The hint (what to fix) is what the user is shown on the next attempt's page.
        String notice = failed.hint() != null ? failed.hint() : reason;
        v.move(Trigger.RETRY, notice, now());
        return notice;
      }
      decline(r, v, StepRules.MAX_RETRIES_REACHED);
      return StepRules.MAX_RETRIES_REACHED;
    }
    FlowStep step = r.stepOf(v);
    boolean reviewEnabled = step != null && step.config().manualReviewEnabled();
    if (v.isChecking() && reviewEnabled && StepRules.triggersReview(reason, v.type())) {
      review(r, v, reason);
      return reason;
    }
    decline(r, v, reason);
    return reason;
  }

  private void pass(ProcessRecord r, Validation v) {
    OffsetDateTime now = now();
    v.move(Trigger.PASS, now);
    validationEvent(r, v, EventNames.SUCCEEDED);
    if (r.hasProcess()) {
      advanceAfter(r, v);
    }
  }

  private void decline(ProcessRecord r, Validation v, String reason) {
    OffsetDateTime now = now();
    v.move(Trigger.DECLINE, reason, now);
    validationEvent(r, v, EventNames.FAILED);
    if (r.hasProcess()) {
      r.process().decline(reason, now);
      processEvent(r, EventNames.FAILED);
    }
  }

  private void review(ProcessRecord r, Validation v, String reason) {
    OffsetDateTime now = now();
    v.move(Trigger.REVIEW, reason, now);
    FlowStep step = r.stepOf(v);
    int seconds = step == null ? StepConfig.DEFAULT_REVIEW_TIMEOUT_SECONDS : step.config().reviewTimeoutSeconds();
    OffsetDateTime due = now.plusSeconds(seconds);
    ReviewTask task =
        new ReviewTask(v.clientId(), v.processId(), v.validationId(), v.type().wireValue(), reason, now, due);
    r.add(task);
    if (r.hasProcess()) {
      r.process().holdUntil(due, now);
    }
    event(r, v.processId(), v.validationId(), EventNames.MANUAL_REVIEW, EventNames.REQUESTED, EventSnapshots.review(task));
  }

  // --- reviewers --------------------------------------------------------------------------------

  /**
   * A reviewer's decision on the validation's open task: approval continues the flow as a passed
   * check would, a decline fails the step and the process with {@code declinedReason}.
   *
   * @param declinedReason a catalogued declined reason (required when declining)
   * @throws ConflictException when the task is decided, claimed by another reviewer or past due
   */
  public void decide(
      ProcessRecord r, Validation v, ReviewTask task, boolean approve, String declinedReason, String reviewer, String note) {
    if (!v.inReview()) {
      throw new ConflictException("Validation " + v.validationId() + " is not waiting for review");
    }
    if (!approve) {
      if (declinedReason == null || !ReasonCatalogue.standard().isDeclinedReason(declinedReason)) {
        throw new InvalidRequestException("Invalid request: declined_reason must be a catalogued declined reason");
      }
    }
    OffsetDateTime now = now();
    task.decide(approve, approve ? null : declinedReason, reviewer, note, now);
    v.recordDetails(ReviewDetails.withDecision(v.details(), v.type(), approve, note, now), now);
    event(r, v.processId(), v.validationId(), EventNames.MANUAL_REVIEW, EventNames.DECIDED, EventSnapshots.review(task));
    if (approve) {
      v.move(Trigger.APPROVE, now);
      validationEvent(r, v, EventNames.SUCCEEDED);
      if (r.hasProcess()) {
        advanceAfter(r, v);
      }
    } else {
      v.move(Trigger.REJECT, declinedReason, now);
      validationEvent(r, v, EventNames.FAILED);
      if (r.hasProcess()) {
        r.process().decline(declinedReason, now);
        processEvent(r, EventNames.FAILED);
      }
    }
  }

  /** The step of {@code v} is done: the next step starts, or the process succeeds. */
  private void advanceAfter(ProcessRecord r, Validation v) {
    OffsetDateTime now = now();
    IdentityProcess p = r.process();
    p.advance(now);
    processEvent(r, EventNames.STEP_SUCCEEDED);
    if (p.currentStepIndex() >= r.definition().steps().size()) {
      p.succeed(now);
      processEvent(r, EventNames.SUCCEEDED);
    } else {
      currentValidation(r, v.ipAddress());
    }
  }

  // --- withdrawal, time, overrides --------------------------------------------------------------

  /**
   * The user withdraws: every live validation ends {@code canceled} with the reason they picked (a
   * catalogued cancel reason, else {@code canceled}), the process declines {@code canceled}.
   */
  public void cancel(ProcessRecord r, String reason) {
    IdentityProcess p = r.process();
    if (!p.isPending()) {
      throw new ConflictException("Process " + p.processId() + " has already finished");
    }
    OffsetDateTime now = now();
    String picked = reason != null && ReasonCatalogue.standard().isKnown(ReasonKind.CANCELED, reason) ? reason : CANCELED;
    for (Validation v : r.validations()) {
      if (v.isPending()) {
        r.openReviewOf(v).ifPresent(t -> t.close(ReviewTask.Status.CANCELED, now));
        v.move(Trigger.CANCEL, picked, now);
        validationEvent(r, v, EventNames.FAILED);
      }
    }
    p.decline(CANCELED, now);
    processEvent(r, EventNames.FAILED);
  }

  /**
   * The user's answer to the data authorization (Truora's {@code enter_authorization}): recorded
   * with the text version, time, IP and user agent, and an event. Refusing ends the process
   * declined {@code data_authorization_not_provided}, like a cancel.
   */
  public void recordConsent(ProcessRecord r, boolean given, String textVersion, String ip, String userAgent) {
    IdentityProcess p = r.process();
    if (!p.isPending()) {
      throw new ConflictException("Process " + p.processId() + " has already finished");
    }
    if (p.consentGiven() != null) {
      throw new ConflictException("Process " + p.processId() + " already has the user's answer");
    }
    OffsetDateTime now = now();
    p.recordConsent(given, textVersion, ip, userAgent, now);
    processEvent(r, EventNames.CONSENT_RECORDED);
    if (!given) {
      for (Validation v : r.validations()) {
        if (v.isPending()) {
          r.openReviewOf(v).ifPresent(t -> t.close(ReviewTask.Status.CANCELED, now));
          v.move(Trigger.CANCEL, DATA_AUTHORIZATION_NOT_PROVIDED, now);
          validationEvent(r, v, EventNames.FAILED);
        }
      }
      p.decline(DATA_AUTHORIZATION_NOT_PROVIDED, now);
      processEvent(r, EventNames.FAILED);
    }
  }

  /**
   * A process at or past its deadline: fails {@code expired} with the reason {@link ExpiryPolicy}
   * chooses, or gets a grace period when every input is in and a check is still running.
   *
   * @return true when the process expired
   */
  public boolean expire(ProcessRecord r) {
    IdentityProcess p = r.process();
    OffsetDateTime now = now();
    if (!p.isOverdue(now)) {
      return false;
    }
    List<FlowStep> steps = r.definition().steps();
    FlowStep step = steps.get(Math.min(p.currentStepIndex(), steps.size() - 1));
    Validation current = r.latestAt(p.currentStepIndex());
    ExpiryPolicy.Decision decision = ExpiryPolicy.decide(step.type(), current, p.extendForPendingChecksPossible());
    if (decision instanceof ExpiryPolicy.Extend) {
      p.extendForPendingChecks(now);
      return false;
    }
    String reason = ((ExpiryPolicy.Expire) decision).reason();
    if (current != null && current.isPending()) {
      expireValidation(r, current, reason);
    }
    p.expire(reason, now);
    processEvent(r, EventNames.FAILED);
    return true;
  }

  /**
   * A check past its due time: one more grace period (and the check runs again, which also
   * resumes a check lost in a restart), or, with the grace used up, the validation and its
   * process expire {@code pending_validation_methods}.
   *
   * @return true when the validation expired
   */
  public boolean checkOverdue(ProcessRecord r, Validation v) {
    OffsetDateTime now = now();
    if (!v.isChecking() || v.checkDueAt() == null || now.isBefore(v.checkDueAt())) {
      return false;
    }
    if (r.hasProcess() && !r.process().isPending()) {
      return false;
    }
    if (v.extendCheck(grace, MAX_GRACE, now)) {
      r.dispatch(v);
      return false;
    }
    expireValidation(r, v, PENDING_VALIDATION_METHODS);
    if (r.hasProcess()) {
      r.process().expire(PENDING_VALIDATION_METHODS, now);
      processEvent(r, EventNames.FAILED);
    }
    return true;
  }

  /**
   * A review nobody decided before its deadline: the validation and its process expire
   * {@code manual_review_expired} then, not only when the process's own (later) deadline comes.
   *
   * @return true when the validation expired
   */
  public boolean reviewOverdue(ProcessRecord r, Validation v) {
    OffsetDateTime now = now();
    if (!v.inReview() || (r.hasProcess() && !r.process().isPending())) {
      return false;
    }
    ReviewTask task = r.openReviewOf(v).orElse(null);
    if (task == null || now.isBefore(task.dueAt())) {
      return false;
    }
    expireValidation(r, v, MANUAL_REVIEW_EXPIRED);
    if (r.hasProcess()) {
      r.process().expire(MANUAL_REVIEW_EXPIRED, now);
      processEvent(r, EventNames.FAILED);
    }
    return true;
  }

  /**
   * A standalone validation past its timeout while still waiting for input or review: expires with
   * Truora's reason for that state.
   *
   * @return true when it expired
   */
  public boolean expireStandalone(ProcessRecord r, Validation v, OffsetDateTime deadline) {
    OffsetDateTime now = now();
    if (!v.isPending() || now.isBefore(deadline)) {
      return false;
    }
    if (v.isChecking()) {
      return checkOverdue(r, v);
    }
    ExpiryPolicy.Expire e = (ExpiryPolicy.Expire) ExpiryPolicy.decide(v.type(), v, false);
    expireValidation(r, v, e.reason());
    return true;
  }

  private void expireValidation(ProcessRecord r, Validation v, String reason) {
    OffsetDateTime now = now();
    r.openReviewOf(v).ifPresent(t -> t.close(ReviewTask.Status.EXPIRED, now));
    v.move(Trigger.EXPIRE, reason, now);
    validationEvent(r, v, EventNames.FAILED);
  }

  /**
   * An operator's override of a finished process: {@code success} over a failure or the reverse,
   * with one of Truora's override reasons and a note; the history keeps every override.
   */
  public void override(ProcessRecord r, ProcessStatus to, String reason, String note, String operator) {
    if (to == null || to == ProcessStatus.PENDING) {
      throw new InvalidRequestException("Invalid request: status must be success or failure");
    }
    if (reason == null || !OVERRIDE_REASONS.get(to).contains(reason)) {
      throw new InvalidRequestException(
          "Invalid request: reason must be one of " + String.join(", ", OVERRIDE_REASONS.get(to).stream().sorted().toList())
              + " to override to " + to.wireValue());
    }
    IdentityProcess p = r.process();
    OffsetDateTime now = now();
    ProcessStatus from = p.effectiveStatus();
    JsonArrayBuilder history = JSON.createArrayBuilder();
    if (p.overrideHistory() != null) {
      try (JsonReader reader = JSON.createReader(new StringReader(p.overrideHistory()))) {
        JsonArray previous = reader.readArray();
        for (JsonValue entry : previous) {
          history.add(entry);
        }
      }
    }
    JsonObject entry =
        JSON.createObjectBuilder()
            .add("previous_status", from.wireValue())
            .add("new_status", to.wireValue())
            .add("reason", reason)
            .add("description", note == null ? "" : note)
            .add("user", operator)
            .add("creation_date", EventSnapshots.date(now))
            .build();
    history.add(entry);
    p.override(to, history.build().toString(), now);
    processEvent(r, to == ProcessStatus.SUCCESS ? EventNames.OVERWRITTEN_SUCCESS : EventNames.OVERWRITTEN_FAILURE);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static void requireCurrent(ProcessRecord r, Validation v) {
    if (!r.hasProcess()) {
      return;
    }
    if (!r.process().isPending()) {
      throw new ConflictException("This process has already finished");
    }
    if (v.stepIndex() != r.process().currentStepIndex()) {
      throw new ConflictException("Validation " + v.validationId() + " is not the current step of its process");
    }
  }

  private void processEvent(ProcessRecord r, String action) {
    IdentityProcess p = r.process();
    event(r, p.processId(), null, EventNames.PROCESS, action, EventSnapshots.process(p));
  }

  private void validationEvent(ProcessRecord r, Validation v, String action) {
    event(r, v.processId(), v.validationId(), EventNames.validation(v.type()), action, EventSnapshots.validation(v));
  }

  private void event(ProcessRecord r, String processId, String validationId, String type, String action, String object) {
    String client = r.hasProcess() ? r.process().clientId() : r.validations().get(0).clientId();
    r.record(new ProcessEvent(client, processId, validationId, type, action, r.actor(), object, now()));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
