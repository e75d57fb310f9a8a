package io.idforge.identity.core.otp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Issues and checks 6-digit one-time codes for phone and e-mail verification. Codes come from
 * {@link SecureRandom}, uniform over 000000–999999; only an HMAC of each is kept (see {@link
 * OtpChallenge} for why an HMAC keyed with a server secret rather than a slow hash). Validity is
 * {@link #VALIDITY}; {@code allowed_retries} defaults to {@value #DEFAULT_ALLOWED_RETRIES}, at most
 * {@value #MAX_ALLOWED_RETRIES}, as Truora's phone and e-mail validators (spec §10).
 *
 * <p>A plain class: the caller passes the clock and the keys (the first issues; all verify, so a
 * key can be rotated while codes are in flight). Thread-safe.
 */
public final class OneTimeCodes {

  /** Digits in a code. */
  public static final int CODE_LENGTH = 6;

  /** How long a code can be typed after it was issued. */
  public static final Duration VALIDITY = Duration.ofMinutes(10);

  /** Truora's default {@code allowed_retries} for phone and e-mail. */
  public static final int DEFAULT_ALLOWED_RETRIES = 2;

  /** Truora's largest {@code allowed_retries} for phone and e-mail. */
  public static final int MAX_ALLOWED_RETRIES = 4;

  private static final int CODE_SPACE = 1_000_000;

  private final Clock clock;
  private final SecureRandom random;
  private final OtpKey activeKey;
  private final Map<String, OtpKey> keys;

  /**
   * @param clock source of {@code issuedAt} and of the time of each check
   * @param activeKey hashes new codes (and verifies)
   * @param previousKeys verify codes hashed before a rotation; ids must differ
   */
  public OneTimeCodes(Clock clock, OtpKey activeKey, OtpKey... previousKeys) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.activeKey = Objects.requireNonNull(activeKey, "activeKey");
    this.random = new SecureRandom();
    List<OtpKey> all = new ArrayList<>();
    all.add(activeKey);
    all.addAll(List.of(previousKeys));
    Map<String, OtpKey> byId = new LinkedHashMap<>();
    for (OtpKey k : all) {
      if (byId.putIfAbsent(k.id(), k) != null) {
        throw new IllegalArgumentException("two OTP keys share the id " + k.id());
      }
    }
    this.keys = Map.copyOf(byId);
  }

  /** A new challenge with the default {@code allowed_retries}. */
  public IssuedCode issue(OtpChannel channel, String destination) {
    return issue(channel, destination, DEFAULT_ALLOWED_RETRIES);
  }

  /**
   * A new challenge and its code.
   *
   * @param destination E.164 phone number or e-mail address, as the caller normalised it
   * @param allowedRetries 0 to {@value #MAX_ALLOWED_RETRIES}
   */
  public IssuedCode issue(OtpChannel channel, String destination, int allowedRetries) {
    if (allowedRetries < 0 || allowedRetries > MAX_ALLOWED_RETRIES) {
      throw new IllegalArgumentException(
          "allowed_retries is between 0 and " + MAX_ALLOWED_RETRIES + ", got " + allowedRetries);
    }
    return newChallenge(channel, destination, allowedRetries, allowedRetries, 1);
  }

  /**
   * A new code for the same channel and destination, replacing {@code previous}: fresh code,
   * salt and validity, but the retries {@code previous} has left, never a fresh allowance.
   *
   * @throws IllegalStateException when {@code previous} is verified or exhausted
   */
  public IssuedCode resend(OtpChallenge previous) {
    if (!previous.isOpen()) {
      throw new IllegalStateException(
          previous.isVerified()
              ? "the code was already verified; nothing to resend"
              : "no retries are left; a new code cannot be sent");
    }
    return newChallenge(
        previous.channel(), previous.destination(), previous.allowedRetries(),
        previous.remainingRetries(), previous.sendCount() + 1);
  }

  /**
   * Checks {@code code} against {@code challenge} at the clock's current time; see {@link
   * OtpChallenge#verify}.
   *
   * @throws IllegalStateException when the key that hashed the challenge is no longer configured,
   *     or the challenge was already verified
   */
  public OtpOutcome verify(OtpChallenge challenge, String code) {
    OtpKey key = keys.get(challenge.keyId());
    if (key == null) {
      throw new IllegalStateException("OTP key " + challenge.keyId() + " is no longer configured");
    }
    return challenge.verify(code, clock.instant(), key);
  }

  private IssuedCode newChallenge(
      OtpChannel channel, String destination, int allowed, int remaining, int sendCount) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(destination, "destination");
    String code = nextCode();
    byte[] salt = new byte[OtpChallenge.SALT_BYTES];
    random.nextBytes(salt);
    Instant now = clock.instant();
    OtpChallenge challenge =
        OtpChallenge.create(
            channel, destination, code, salt, activeKey, now, now.plus(VALIDITY), allowed,
            remaining, sendCount);
    return new IssuedCode(challenge, code);
  }

  private String nextCode() {
    // nextInt(bound) is uniform (rejection sampling), so every code is equally likely.
    return String.format(Locale.ROOT, "%0" + CODE_LENGTH + "d", random.nextInt(CODE_SPACE));
  }
}
