package io.idforge.identity.core.otp;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A server secret that keys the HMAC of one-time codes, with an id so the key can be rotated:
 * each challenge records the id of the key that hashed it. The secret is held outside the
 * database (environment variable or password alias), which is what makes a leaked challenge
 * table useless for recovering codes; see {@link OtpChallenge}.
 *
 * @param id short key id, {@code [A-Za-z0-9_.-]{1,64}}
 * @param secret at least 256 bits; copied in and out
 */
public record OtpKey(String id, byte[] secret) {

  /** HMAC-SHA256 keys shorter than the hash add nothing but weakness. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public OtpKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secret, "secret");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an OTP key id matches [A-Za-z0-9_.-]{1,64}");
    }
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "OTP key " + id + " is shorter than " + (MIN_SECRET_BYTES * 8) + " bits");
    }
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OtpKey k && id.equals(k.id) && Arrays.equals(secret, k.secret);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** The id only: the secret never reaches a log. */
  @Override
  public String toString() {
    return "OtpKey[id=" + id + "]";
  }
}
