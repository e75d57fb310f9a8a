package io.idforge.identity.core.domain.validation;

import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.ProcessStatus;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where one validation stands. Three states are live ({@code pending} on the wire): waiting for the
 * user's input, a check running on it, a human deciding it. The rest are final. Every move between
 * states is one {@link Trigger}, and {@link #on(Trigger)} is the only place that says which moves
 * exist: anything else is an {@link IllegalTransitionException}.
 */
public enum ValidationState {
  AWAITING_INPUT("awaiting_input"),
  CHECKING("checking"),
  IN_REVIEW("in_review"),
  SUCCEEDED("succeeded"),
  DECLINED("declined"),
  SYSTEM_ERROR("system_error"),
  CANCELED("canceled"),
  EXPIRED("expired");

  private static final Map<ValidationState, Map<Trigger, ValidationState>> TRANSITIONS = table();

  private final String wireValue;

  ValidationState(String wireValue) {
    this.wireValue = wireValue;
  }

  private static Map<ValidationState, Map<Trigger, ValidationState>> table() {
    Map<ValidationState, Map<Trigger, ValidationState>> t = new EnumMap<>(ValidationState.class);
    for (ValidationState s : values()) {
      t.put(s, new EnumMap<>(Trigger.class));
    }
    // Waiting for input: the input arrives (a check starts), or a refused attempt costs a retry
    // before anything is checked (an empty or unreadable upload, a wrong code).
    t.get(AWAITING_INPUT).put(Trigger.SUBMIT, CHECKING);
    t.get(AWAITING_INPUT).put(Trigger.RETRY, AWAITING_INPUT);
    t.get(AWAITING_INPUT).put(Trigger.DECLINE, DECLINED);
    // A check's verdict.
    t.get(CHECKING).put(Trigger.PASS, SUCCEEDED);
    t.get(CHECKING).put(Trigger.RETRY, AWAITING_INPUT);
    t.get(CHECKING).put(Trigger.DECLINE, DECLINED);
    t.get(CHECKING).put(Trigger.REVIEW, IN_REVIEW);
    t.get(CHECKING).put(Trigger.ERROR, SYSTEM_ERROR);
    // A human's verdict.
    t.get(IN_REVIEW).put(Trigger.APPROVE, SUCCEEDED);
    t.get(IN_REVIEW).put(Trigger.REJECT, DECLINED);
    // Any live state can be withdrawn by the user or run out of time.
    for (ValidationState live : EnumSet.of(AWAITING_INPUT, CHECKING, IN_REVIEW)) {
      t.get(live).put(Trigger.CANCEL, CANCELED);
      t.get(live).put(Trigger.EXPIRE, EXPIRED);
    }
    return t;
  }

  /**
   * The state after {@code trigger}.
   *
   * @throws IllegalTransitionException when this state has no such move
   */
  public ValidationState on(Trigger trigger) {
    ValidationState next = TRANSITIONS.get(this).get(trigger);
    if (next == null) {
      throw new IllegalTransitionException(this, trigger);
    }
    return next;
  }

  /** The triggers this state accepts (for the transition table's tests and documentation). */
  public Set<Trigger> accepted() {
    Map<Trigger, ValidationState> moves = TRANSITIONS.get(this);
    return moves.isEmpty() ? EnumSet.noneOf(Trigger.class) : EnumSet.copyOf(moves.keySet());
  }

  /** True while the validation can still change without an override. */
  public boolean isLive() {
    return this == AWAITING_INPUT || this == CHECKING || this == IN_REVIEW;
  }

  /** Truora's {@code validation_status}: every live state is {@code pending}. */
  public ProcessStatus status() {
    if (isLive()) {
      return ProcessStatus.PENDING;
    }
    return this == SUCCEEDED ? ProcessStatus.SUCCESS : ProcessStatus.FAILURE;
  }

  /**
   * Truora's {@code failure_status}, or null. A cancellation is {@code declined} on the wire (with
   * the cancel reason as {@code declined_reason}), as Truora reports it.
   */
  public FailureStatus failureStatus() {
    return switch (this) {
      case DECLINED, CANCELED -> FailureStatus.DECLINED;
      case SYSTEM_ERROR -> FailureStatus.SYSTEM_ERROR;
      case EXPIRED -> FailureStatus.EXPIRED;
      default -> null;
    };
  }

  public String wireValue() {
    return wireValue;
  }

  public static Optional<ValidationState> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wireValue.equals(value)).findFirst();
  }
}
