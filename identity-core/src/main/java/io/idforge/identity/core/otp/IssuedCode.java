package io.idforge.identity.core.otp;

import java.util.Objects;

/**
 * A freshly issued challenge and its code in clear. The code exists only here, on its way to the
 * SMS or e-mail sender; store {@link #challenge()} and let this object go.
 *
 * @param challenge what to store
 * @param code the 6-digit code to send
 */
public record IssuedCode(OtpChallenge challenge, String code) {

  public IssuedCode {
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(code, "code");
  }

  /** Leaves out the code, which must not reach a log. */
  @Override
  public String toString() {
    return "IssuedCode[" + challenge + "]";
  }
}
