package io.idforge.identity.core.otp;

import java.util.Optional;

/**
 * What checking a typed code came to. Declined results carry the catalogue's {@code
 * declined_reason}; an expired code carries the {@code expired_reason} Truora gives a phone or
 * e-mail check that was not completed in time (spec §7.4, §7.7).
 */
public enum OtpResult {
  /** The code matched, in time and within the allowed attempts. The challenge is now used up. */
  VERIFIED(null, null),
  /** The code did not match; {@link OtpOutcome#remainingRetries()} more attempts are allowed. */
  WRONG_CODE("wrong_verification_code", null),
  /** The code did not match and no retry was left, or the retries were already used up. */
  MAX_RETRIES_REACHED("max_retries_reached", null),
  /** The code was checked at or after its expiry; nothing was compared and no retry was used. */
  EXPIRED(null, "validation_not_performed");

  private final String declinedReason;
  private final String expiredReason;

  OtpResult(String declinedReason, String expiredReason) {
    this.declinedReason = declinedReason;
    this.expiredReason = expiredReason;
  }

  /** The {@code declined_reason} code for a declined result. */
  public Optional<String> declinedReason() {
    return Optional.ofNullable(declinedReason);
  }

  /** The {@code expired_reason} code for {@link #EXPIRED}. */
  public Optional<String> expiredReason() {
    return Optional.ofNullable(expiredReason);
  }
}
