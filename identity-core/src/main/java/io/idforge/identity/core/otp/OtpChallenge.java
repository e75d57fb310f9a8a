package io.idforge.identity.core.otp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One one-time code sent to one destination, as stored: never the code, only its keyed hash.
 * Aggregate root of the {@code otp} package; a plain value class so the hosted flow can keep it
 * in whatever row it likes ({@link #restore} rebuilds it).
 *
 * <h2>Hash</h2>
 *
 * {@code codeHash = HMAC-SHA256(key, "idforge-otp-v1" ‖ channel ‖ destination ‖ salt ‖ code)},
 * each part length-prefixed, with a random 128-bit {@code salt} per challenge and the id of the
 * {@link OtpKey} recorded in {@code keyId}.
 *
 * <p>Why an HMAC keyed with a server secret and not a slow password hash (PBKDF2, bcrypt): a
 * 6-digit code has only 10<sup>6</sup> values. Whoever reads a stored hash and its salt can try
 * all of them offline, and no work factor the server can afford on every check makes a million
 * guesses slow (at 600,000 PBKDF2 iterations that is minutes on one GPU). A slow hash would only
 * cost the server. With the HMAC the guesses need the key, which lives outside the database
 * (environment variable or password alias), so a leaked table or backup reveals nothing; the
 * salt still makes equal codes hash differently, and binding channel and destination stops a hash
 * from being copied onto another challenge. Online guessing is bounded by the retries: at most
 * {@code allowedRetries + 1} of 10<sup>6</sup> codes per challenge. The comparison is
 * constant-time ({@link MessageDigest#isEqual}).
 *
 * <h2>Retries</h2>
 *
 * Truora's semantics: {@code allowed_retries} (default 2, at most 4) are the attempts allowed
 * after a first wrong code, so a challenge accepts {@code allowedRetries + 1} wrong codes in all.
 * Each wrong code while retries remain answers {@link OtpResult#WRONG_CODE} and counts {@code
 * remainingRetries} down; a wrong code with none left answers {@link
 * OtpResult#MAX_RETRIES_REACHED} and exhausts the challenge, which from then on answers that to
 * every attempt, right code included. A resent code ({@link OneTimeCodes#resend}) is a new
 * challenge that inherits the remaining retries, so resending never buys extra guesses.
 *
 * <h2>Expiry</h2>
 *
 * A code is valid for {@link OneTimeCodes#VALIDITY} (10 minutes): it is expired from {@code
 * expiresAt} on, inclusive, as tokens and processes are. An expired attempt uses no retry.
 *
 * <p>Not thread-safe; a challenge belongs to one process and is changed under its transaction.
 * {@link #toString()} shows neither the hash nor the destination.
 */
public final class OtpChallenge {

  static final int SALT_BYTES = 16;
  private static final String HMAC = "HmacSHA256";
  private static final byte[] DOMAIN = "idforge-otp-v1".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern HEX_SALT = Pattern.compile("[0-9a-f]{" + (SALT_BYTES * 2) + "}");
  private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final HexFormat HEX = HexFormat.of();

  private final OtpChannel channel;
  private final String destination;
  private final String keyId;
  private final String salt;
  private final String codeHash;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final int allowedRetries;
  private final int sendCount;
  private int remainingRetries;
  private boolean exhausted;
  private Instant verifiedAt;

  private OtpChallenge(
      OtpChannel channel,
      String destination,
      String keyId,
      String salt,
      String codeHash,
      Instant issuedAt,
      Instant expiresAt,
      int allowedRetries,
      int remainingRetries,
      int sendCount,
      boolean exhausted,
      Instant verifiedAt) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.destination = Objects.requireNonNull(destination, "destination");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.salt = Objects.requireNonNull(salt, "salt");
    this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    if (destination.isBlank()) {
      throw new IllegalArgumentException("a one-time code needs a destination");
    }
    if (!HEX_SALT.matcher(salt).matches() || !HEX_HASH.matcher(codeHash).matches()) {
      throw new IllegalArgumentException("salt and code hash are lowercase hex of 16 and 32 bytes");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("a one-time code expires after it is issued");
    }
    if (allowedRetries < 0 || allowedRetries > OneTimeCodes.MAX_ALLOWED_RETRIES) {
      throw new IllegalArgumentException(
          "allowed_retries is between 0 and " + OneTimeCodes.MAX_ALLOWED_RETRIES);
    }
    if (remainingRetries < 0 || remainingRetries > allowedRetries) {
      throw new IllegalArgumentException("remaining_retries is between 0 and allowed_retries");
    }
    if (sendCount < 1) {
      throw new IllegalArgumentException("a challenge has been sent at least once");
    }
    if (exhausted && (remainingRetries != 0 || verifiedAt != null)) {
      throw new IllegalArgumentException("an exhausted challenge has no retries and is not verified");
    }
    this.allowedRetries = allowedRetries;
    this.remainingRetries = remainingRetries;
    this.sendCount = sendCount;
    this.exhausted = exhausted;
    this.verifiedAt = verifiedAt;
  }

  /** A new challenge for {@code code}, hashed with {@code key}; used by {@link OneTimeCodes}. */
  static OtpChallenge create(
      OtpChannel channel,
      String destination,
      String code,
      byte[] salt,
      OtpKey key,
      Instant issuedAt,
      Instant expiresAt,
      int allowedRetries,
      int remainingRetries,
      int sendCount) {
    String hash = HEX.formatHex(hmac(key, channel, destination, salt, code));
    return new OtpChallenge(
        channel, destination, key.id(), HEX.formatHex(salt), hash, issuedAt, expiresAt,
        allowedRetries, remainingRetries, sendCount, false, null);
  }

  /**
   * Rebuilds a stored challenge, every field as read back; the constructor checks the invariants.
   *
   * @param verifiedAt when the code was verified, or null
   */
  public static OtpChallenge restore(
      OtpChannel channel,
      String destination,
      String keyId,
      String salt,
      String codeHash,
      Instant issuedAt,
      Instant expiresAt,
      int allowedRetries,
      int remainingRetries,
      int sendCount,
      boolean exhausted,
      Instant verifiedAt) {
    return new OtpChallenge(
        channel, destination, keyId, salt, codeHash, issuedAt, expiresAt, allowedRetries,
        remainingRetries, sendCount, exhausted, verifiedAt);
  }

  /**
   * Checks a typed code and records the attempt: a wrong code uses one retry, the right one marks
   * the challenge verified. Whitespace in {@code code} is ignored ({@code "123 456"}); anything
   * else that is not the code, including a malformed one, counts as a wrong code.
   *
   * @param code what the user typed
   * @param now the time of the attempt
   * @param key the key with id {@link #keyId()}
   * @throws IllegalStateException when the challenge was already verified (a code is used once)
   * @throws IllegalArgumentException when {@code key} is not the key this challenge was hashed with
   */
  public OtpOutcome verify(String code, Instant now, OtpKey key) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(key, "key");
    if (verifiedAt != null) {
      throw new IllegalStateException("this one-time code was already verified");
    }
    if (!key.id().equals(keyId)) {
      throw new IllegalArgumentException(
          "challenge was hashed with OTP key " + keyId + ", not " + key.id());
    }
    if (exhausted) {
      return new OtpOutcome(OtpResult.MAX_RETRIES_REACHED, 0);
    }
    if (isExpired(now)) {
      return new OtpOutcome(OtpResult.EXPIRED, remainingRetries);
    }
    byte[] candidate = hmac(key, channel, destination, HEX.parseHex(salt), normalise(code));
    if (MessageDigest.isEqual(HEX.parseHex(codeHash), candidate)) {
      verifiedAt = now;
      return new OtpOutcome(OtpResult.VERIFIED, remainingRetries);
    }
    if (remainingRetries == 0) {
      exhausted = true;
      return new OtpOutcome(OtpResult.MAX_RETRIES_REACHED, 0);
    }
    remainingRetries--;
    return new OtpOutcome(OtpResult.WRONG_CODE, remainingRetries);
  }

  /** True from {@link #expiresAt()} on. */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** True once the right code was typed in time. */
  public boolean isVerified() {
    return verifiedAt != null;
  }

  /** True once a wrong code came with no retry left; every later attempt is refused. */
  public boolean isExhausted() {
    return exhausted;
  }

  /** True while a code may still be typed or resent: neither verified nor exhausted. */
  public boolean isOpen() {
    return verifiedAt == null && !exhausted;
  }

  public OtpChannel channel() {
    return channel;
  }

  /** The E.164 phone number or e-mail address the code went to. Personal data: never log it. */
  public String destination() {
    return destination;
  }

  /** Id of the {@link OtpKey} that keyed {@link #codeHash()}. */
  public String keyId() {
    return keyId;
  }

  /** The per-challenge salt, 16 random bytes as lowercase hex. */
  public String salt() {
    return salt;
  }

  /** HMAC-SHA256 of the code, lowercase hex; see the class comment. */
  public String codeHash() {
    return codeHash;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  /** First instant at which the code is expired. */
  public Instant expiresAt() {
    return expiresAt;
  }

  public int allowedRetries() {
    return allowedRetries;
  }

  public int remainingRetries() {
    return remainingRetries;
  }

  /** 1 for the first code, +1 for each resend; lets the caller cap resends. */
  public int sendCount() {
    return sendCount;
  }

  /** When the code was verified, or null. */
  public Instant verifiedAt() {
    return verifiedAt;
  }

  @Override
  public String toString() {
    return "OtpChallenge[channel=" + channel + ", keyId=" + keyId + ", issuedAt=" + issuedAt
        + ", expiresAt=" + expiresAt + ", allowedRetries=" + allowedRetries
        + ", remainingRetries=" + remainingRetries + ", sendCount=" + sendCount
        + ", exhausted=" + exhausted + ", verified=" + (verifiedAt != null) + "]";
  }

  private static String normalise(String code) {
    return code.replaceAll("\\s+", "");
  }

  static byte[] hmac(OtpKey key, OtpChannel channel, String destination, byte[] salt, String code) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key.secret(), HMAC));
      update(mac, DOMAIN);
      update(mac, channel.validator().getBytes(StandardCharsets.US_ASCII));
      update(mac, destination.getBytes(StandardCharsets.UTF_8));
      update(mac, salt);
      update(mac, code.getBytes(StandardCharsets.UTF_8));
      return mac.doFinal();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  /** Length-prefixed, so no two different field sequences feed the MAC the same bytes. */
  private static void update(Mac mac, byte[] part) {
    mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
    mac.update(part);
  }
}
