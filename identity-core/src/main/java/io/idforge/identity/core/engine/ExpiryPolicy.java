package io.idforge.identity.core.engine;

import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.validation.Validation;

/**
 * Chooses the {@code expired_reason} of a process that ran out of time, from the step it was on
 * and the state of that step's validation (Truora's expired-reasons guide, spec §7.7).
 */
public final class ExpiryPolicy {

  /** What to do with an overdue process. */
  public sealed interface Decision permits Expire, Extend {}

  /** Fail the process (and the pending validation) with this reason. */
  public record Expire(String reason) implements Decision {}

  /** Every input is in and a check is still running: grant a grace period. */
  public record Extend() implements Decision {}

  private ExpiryPolicy() {}

  /**
   * @param step the type of the step the process is on
   * @param current that step's latest validation, or null when the user never started it
   * @param graceLeft whether the process may still be granted a grace period
   */
  public static Decision decide(StepType step, Validation current, boolean graceLeft) {
    if (current == null || !current.isPending()) {
      return new Expire(notStarted(step));
    }
    if (current.inReview()) {
      return new Expire("manual_review_expired");
    }
    if (current.awaitingInput()) {
      return new Expire(step.takesFiles() ? "input_file_not_uploaded" : "validation_not_performed");
    }
    if (graceLeft) {
      return new Extend();
    }
    return new Expire(step == StepType.DOCUMENT_VALIDATION ? "pending_validation_methods" : "input_file_not_uploaded");
  }

  static String notStarted(StepType step) {
    return switch (step) {
      case DOCUMENT_VALIDATION -> "document_validation_not_started";
      case FACE_RECOGNITION -> "face_validation_not_started";
      case EMAIL_VERIFICATION -> "email_validation_not_started";
      case PHONE_VERIFICATION -> "phone_validation_not_started";
    };
  }
}
