package io.idforge.identity.core.otp;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one {@link OtpChallenge#verify} call and the retries left after it (Truora's
 * {@code remaining_retries}).
 *
 * @param result what the attempt came to
 * @param remainingRetries further wrong codes the user may still type before {@link
 *     OtpResult#MAX_RETRIES_REACHED}; 0 when none
 */
public record OtpOutcome(OtpResult result, int remainingRetries) {

  public OtpOutcome {
    Objects.requireNonNull(result, "result");
    if (remainingRetries < 0) {
      throw new IllegalArgumentException("remaining retries cannot be negative");
    }
  }

  public boolean isVerified() {
    return result == OtpResult.VERIFIED;
  }

  /** See {@link OtpResult#declinedReason()}. */
  public Optional<String> declinedReason() {
    return result.declinedReason();
  }

  /** See {@link OtpResult#expiredReason()}. */
  public Optional<String> expiredReason() {
    return result.expiredReason();
  }
}
