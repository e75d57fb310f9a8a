package io.idforge.identity.core.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code lifecycle with a fixed clock: instants are passed in, nothing sleeps. */
class OtpChallengeTest {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final OtpKey KEY = key("k1", 'a');
  static final String PHONE = "+573001234567";

  final OneTimeCodes codes = new OneTimeCodes(Clock.fixed(T0, ZoneOffset.UTC), KEY);

  static OtpKey key(String id, char fill) {
    return new OtpKey(id, String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
  }

  /** A 6-digit code that is certainly not {@code code}. */
  static String wrong(String code) {
    return String.format(Locale.ROOT, "%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  @Test
  void theRightCodeVerifiesOnceAndKeepsTheRetries() {
    IssuedCode issued = codes.issue(OtpChannel.PHONE, PHONE);
    OtpChallenge c = issued.challenge();

    OtpOutcome outcome = c.verify(issued.code(), T0.plusSeconds(30), KEY);

    assertEquals(new OtpOutcome(OtpResult.VERIFIED, 2), outcome);
    assertTrue(outcome.isVerified());
    assertTrue(outcome.declinedReason().isEmpty());
    assertTrue(c.isVerified());
    assertFalse(c.isOpen());
    assertEquals(T0.plusSeconds(30), c.verifiedAt());
    assertThrows(IllegalStateException.class, () -> c.verify(issued.code(), T0.plusSeconds(31), KEY),
        "a one-time code is used once");
  }

  @Test
  void whitespaceInTheTypedCodeIsIgnored() {
    IssuedCode issued = codes.issue(OtpChannel.EMAIL, "ana@example.com");
    String spaced = " " + issued.code().substring(0, 3) + " " + issued.code().substring(3) + "\n";
    assertEquals(OtpResult.VERIFIED, issued.challenge().verify(spaced, T0, KEY).result());
  }

  @Test
  void wrongCodesCountDownToMaxRetriesReached() {
    IssuedCode issued = codes.issue(OtpChannel.PHONE, PHONE);
    OtpChallenge c = issued.challenge();
    String bad = wrong(issued.code());
    assertEquals(2, c.allowedRetries());
    assertEquals(2, c.remainingRetries());

    OtpOutcome first = c.verify(bad, T0.plusSeconds(1), KEY);
    assertEquals(new OtpOutcome(OtpResult.WRONG_CODE, 1), first);
    assertEquals("wrong_verification_code", first.declinedReason().orElseThrow());

    assertEquals(new OtpOutcome(OtpResult.WRONG_CODE, 0), c.verify(bad, T0.plusSeconds(2), KEY));
    assertTrue(c.isOpen(), "with no retries left, one last attempt is still allowed");

    OtpOutcome last = c.verify(bad, T0.plusSeconds(3), KEY);
    assertEquals(new OtpOutcome(OtpResult.MAX_RETRIES_REACHED, 0), last);
    assertEquals("max_retries_reached", last.declinedReason().orElseThrow());
    assertTrue(c.isExhausted());

    // Exhausted: even the right code is refused from now on.
    assertEquals(OtpResult.MAX_RETRIES_REACHED, c.verify(issued.code(), T0.plusSeconds(4), KEY).result());
    assertFalse(c.isVerified());
  }

  @Test
  void theRightCodeStillWorksOnTheLastAttempt() {
    IssuedCode issued = codes.issue(OtpChannel.PHONE, PHONE, 1);
    OtpChallenge c = issued.challenge();
    assertEquals(new OtpOutcome(OtpResult.WRONG_CODE, 0), c.verify(wrong(issued.code()), T0, KEY));
    assertEquals(new OtpOutcome(OtpResult.VERIFIED, 0), c.verify(issued.code(), T0, KEY));
  }

  @Test
  void malformedInputCountsAsAWrongCode() {
    OtpChallenge c = codes.issue(OtpChannel.PHONE, PHONE).challenge();
    assertEquals(new OtpOutcome(OtpResult.WRONG_CODE, 1), c.verify("12ab56", T0, KEY));
    assertEquals(new OtpOutcome(OtpResult.WRONG_CODE, 0), c.verify("", T0, KEY));
  }

  @Test
  void zeroAllowedRetriesMeansOneAttempt() {
    IssuedCode issued = codes.issue(OtpChannel.EMAIL, "ana@example.com", 0);
    assertEquals(
        new OtpOutcome(OtpResult.MAX_RETRIES_REACHED, 0),
        issued.challenge().verify(wrong(issued.code()), T0, KEY));
  }

  @Test
  void expiresExactlyTenMinutesAfterIssue() {
    IssuedCode issued = codes.issue(OtpChannel.PHONE, PHONE);
    OtpChallenge c = issued.challenge();
    assertEquals(T0.plus(Duration.ofMinutes(10)), c.expiresAt());
    assertFalse(c.isExpired(T0.plus(Duration.ofMinutes(10)).minusNanos(1)));
    assertTrue(c.isExpired(T0.plus(Duration.ofMinutes(10))));

    OtpOutcome late = c.verify(issued.code(), T0.plus(Duration.ofMinutes(10)), KEY);
    assertEquals(new OtpOutcome(OtpResult.EXPIRED, 2), late);
    assertEquals("validation_not_performed", late.expiredReason().orElseThrow());
    assertTrue(late.declinedReason().isEmpty());
    assertFalse(c.isVerified());
    assertEquals(2, c.remainingRetries(), "an expired attempt uses no retry");
  }

  @Test
  void theRightCodeJustBeforeExpiryVerifies() {
    IssuedCode issued = codes.issue(OtpChannel.PHONE, PHONE);
    Instant lastMoment = T0.plus(OneTimeCodes.VALIDITY).minusMillis(1);
    assertEquals(OtpResult.VERIFIED, issued.challenge().verify(issued.code(), lastMoment, KEY).result());
  }

  @Test
  void resendIssuesANewCodeButKeepsTheCountdown() {
    IssuedCode first = codes.issue(OtpChannel.PHONE, PHONE);
    first.challenge().verify(wrong(first.code()), T0.plusSeconds(5), KEY);
    assertEquals(1, first.challenge().remainingRetries());

    Instant later = T0.plus(Duration.ofMinutes(12));
    OneTimeCodes laterCodes = new OneTimeCodes(Clock.fixed(later, ZoneOffset.UTC), KEY);
    IssuedCode second = laterCodes.resend(first.challenge());
    OtpChallenge c = second.challenge();

    assertEquals(1, c.remainingRetries(), "resending must not reset remaining_retries");
    assertEquals(2, c.allowedRetries());
    assertEquals(2, c.sendCount());
    assertEquals(later, c.issuedAt());
    assertEquals(later.plus(OneTimeCodes.VALIDITY), c.expiresAt());
    assertEquals(PHONE, c.destination());
    assertNotEquals(first.challenge().salt(), c.salt());

    assertEquals(new OtpOutcome(OtpResult.WRONG_CODE, 0), c.verify(wrong(second.code()), later, KEY));
    assertEquals(OtpResult.MAX_RETRIES_REACHED, c.verify(wrong(second.code()), later, KEY).result());
    assertThrows(IllegalStateException.class, () -> laterCodes.resend(c),
        "an exhausted challenge cannot buy new attempts by resending");
  }

  @Test
  void resendingAVerifiedCodeIsRefused() {
    IssuedCode issued = codes.issue(OtpChannel.EMAIL, "ana@example.com");
    codes.verify(issued.challenge(), issued.code());
    assertThrows(IllegalStateException.class, () -> codes.resend(issued.challenge()));
  }

  @Test
  void codesAreSixDigitsAndNotStoredInClear() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      IssuedCode issued = codes.issue(OtpChannel.PHONE, PHONE);
      String code = issued.code();
      OtpChallenge c = issued.challenge();
      assertTrue(code.matches("\\d{6}"), code);
      seen.add(code);
      assertTrue(c.codeHash().matches("[0-9a-f]{64}"), c.codeHash());
      assertTrue(c.salt().matches("[0-9a-f]{32}"), c.salt());
      assertFalse(c.codeHash().contains(code));
      assertFalse(c.salt().contains(code));
      assertFalse(c.toString().contains(code), c.toString());
      assertFalse(issued.toString().contains(code), issued.toString());
      assertFalse(c.toString().contains(PHONE), "toString leaves out the destination");
      assertEquals("k1", c.keyId());
    }
    assertTrue(seen.size() > 450, "codes are random: " + seen.size() + " distinct of 500");
  }

  @Test
  void theHashIsUselessWithoutTheServerKey() {
    IssuedCode issued = codes.issue(OtpChannel.PHONE, PHONE);
    OtpKey forged = key("k1", 'b'); // same id, other secret: what an attacker without the key has
    assertEquals(OtpResult.WRONG_CODE, issued.challenge().verify(issued.code(), T0, forged).result());
  }

  @Test
  void theHashIsBoundToChannelAndDestination() {
    IssuedCode issued = codes.issue(OtpChannel.PHONE, PHONE);
    OtpChallenge c = issued.challenge();
    OtpChallenge moved =
        OtpChallenge.restore(
            OtpChannel.PHONE, "+573009999999", c.keyId(), c.salt(), c.codeHash(), c.issuedAt(),
            c.expiresAt(), c.allowedRetries(), c.remainingRetries(), c.sendCount(), false, null);
    assertEquals(OtpResult.WRONG_CODE, moved.verify(issued.code(), T0, KEY).result());
  }

  @Test
  void aRestoredChallengeVerifiesLikeTheOriginal() {
    IssuedCode issued = codes.issue(OtpChannel.EMAIL, "ana@example.com", 4);
    OtpChallenge c = issued.challenge();
    c.verify(wrong(issued.code()), T0, KEY);
    OtpChallenge copy =
        OtpChallenge.restore(
            c.channel(), c.destination(), c.keyId(), c.salt(), c.codeHash(), c.issuedAt(),
            c.expiresAt(), c.allowedRetries(), c.remainingRetries(), c.sendCount(), c.isExhausted(),
            c.verifiedAt());
    assertEquals(new OtpOutcome(OtpResult.VERIFIED, 3), copy.verify(issued.code(), T0, KEY));
  }

  @Test
  void keysRotateWithoutBreakingCodesInFlight() {
    IssuedCode issued = codes.issue(OtpChannel.PHONE, PHONE);
    OtpKey next = key("k2", 'c');
    OneTimeCodes rotated = new OneTimeCodes(Clock.fixed(T0, ZoneOffset.UTC), next, KEY);
    assertEquals(OtpResult.VERIFIED, rotated.verify(issued.challenge(), issued.code()).result());
    assertEquals("k2", rotated.issue(OtpChannel.PHONE, PHONE).challenge().keyId());

    OneTimeCodes withoutOldKey = new OneTimeCodes(Clock.fixed(T0, ZoneOffset.UTC), next);
    IssuedCode other = codes.issue(OtpChannel.PHONE, PHONE);
    assertThrows(IllegalStateException.class, () -> withoutOldKey.verify(other.challenge(), other.code()));
    assertThrows(IllegalArgumentException.class, () -> other.challenge().verify(other.code(), T0, next));
  }

  @Test
  void allowedRetriesAreBetweenZeroAndFour() {
    assertThrows(IllegalArgumentException.class, () -> codes.issue(OtpChannel.PHONE, PHONE, 5));
    assertThrows(IllegalArgumentException.class, () -> codes.issue(OtpChannel.PHONE, PHONE, -1));
    assertEquals(4, codes.issue(OtpChannel.PHONE, PHONE, 4).challenge().remainingRetries());
  }

  @Test
  void keysAreAtLeast256BitsAndNeverPrinted() {
    assertThrows(IllegalArgumentException.class, () -> new OtpKey("k", new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> new OtpKey("bad id", new byte[32]));
    assertEquals("OtpKey[id=k1]", KEY.toString());
  }
}
