package io.idforge.identity.core.application.validations;

import io.idforge.identity.core.domain.flow.StepType;

/** Truora's validator defaults for standalone validations (spec section 10). */
final class ValidationDefaults {

  private ValidationDefaults() {}

  /** {@code allowed_retries} when neither the request nor a flow says: OTP 2, documents and faces 0. */
  static int allowedRetries(StepType type) {
    return switch (type) {
      case EMAIL_VERIFICATION, PHONE_VERIFICATION -> 2;
      default -> 0;
    };
  }
}
