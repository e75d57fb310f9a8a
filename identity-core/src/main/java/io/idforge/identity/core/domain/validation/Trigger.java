package io.idforge.identity.core.domain.validation;

/** What can happen to a validation; {@link ValidationState#on(Trigger)} says where it leads. */
public enum Trigger {
  /** Every input of this attempt has arrived: a check starts. */
  SUBMIT,
  /** The check passed. */
  PASS,
  /** The attempt failed for a reason the user can fix, and a retry is left. */
  RETRY,
  /** The validation fails with a catalogued declined reason. */
  DECLINE,
  /** The check could not decide (or the flow asks for it): a human will. */
  REVIEW,
  /** The check broke on our side. */
  ERROR,
  /** A reviewer approved. */
  APPROVE,
  /** A reviewer declined. */
  REJECT,
  /** The user withdrew. */
  CANCEL,
  /** The validation or its process ran out of time. */
  EXPIRE
}
