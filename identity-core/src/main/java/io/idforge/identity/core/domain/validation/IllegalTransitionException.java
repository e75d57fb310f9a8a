package io.idforge.identity.core.domain.validation;

import io.idforge.identity.core.domain.shared.ConflictException;

/**
 * A move the state machine does not have: deciding a validation that is not in review, submitting
 * to one that is already being checked. A 409 on the API, never a silent no-op.
 */
public class IllegalTransitionException extends ConflictException {

  private static final long serialVersionUID = 1L;

  private final ValidationState from;
  private final Trigger trigger;

  public IllegalTransitionException(ValidationState from, Trigger trigger) {
    super(message(from, trigger));
    this.from = from;
    this.trigger = trigger;
  }

  private static String message(ValidationState from, Trigger trigger) {
    return switch (from) {
      case CHECKING -> "This validation is already being checked";
      case IN_REVIEW -> "This validation is waiting for manual review";
      case AWAITING_INPUT -> "This validation is waiting for its input";
      default -> "This validation has already finished (" + from.wireValue() + ")";
    } + "; " + trigger.name().toLowerCase(java.util.Locale.ROOT) + " is not possible";
  }

  public ValidationState from() {
    return from;
  }

  public Trigger trigger() {
    return trigger;
  }
}
