package io.idforge.identity.core.otp;

/**
 * Where a one-time code is sent. {@link #validator()} is the validator name of the reason
 * catalogue ({@code reasons.csv}), so outcomes can be looked up for the right row.
 */
public enum OtpChannel {
  /** By SMS to an E.164 phone number. */
  PHONE("phone-verification"),
  /** By e-mail. */
  EMAIL("email-verification");

  private final String validator;

  OtpChannel(String validator) {
    this.validator = validator;
  }

  /** The catalogue's validator name: {@code phone-verification} or {@code email-verification}. */
  public String validator() {
    return validator;
  }
}
