package io.idforge.identity.core.application.validations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UploadLinkSignatureTest {

  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
  static final long MAX = 30L * 1024 * 1024;
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final long EXPIRES = NOW.getEpochSecond() + 300;

  static String sign() {
    return UploadLinkSignature.sign(KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES);
  }

  @Test
  void aLinkVerifiesUntilItsExpiryAndNotAfter() {
    String s = sign();
    assertTrue(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES, s, NOW));
    assertTrue(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES, s, NOW.plusSeconds(299)));
    assertFalse(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES, s, NOW.plusSeconds(300)));
  }

  @Test
  void everySignedValueIsBound() {
    String s = sign();
    assertFalse(UploadLinkSignature.verify(KEY, "TCI2", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES, s, NOW), "tenant");
    assertFalse(UploadLinkSignature.verify(KEY, "TCI1", "VLD2", 0, UploadSide.FRONT, MAX, EXPIRES, s, NOW), "validation");
    assertFalse(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 0, UploadSide.REVERSE, MAX, EXPIRES, s, NOW), "side");
    assertFalse(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 1, UploadSide.FRONT, MAX, EXPIRES, s, NOW), "attempt");
    assertFalse(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX * 2, EXPIRES, s, NOW), "size");
    assertFalse(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES + 3600, s, NOW), "expiry");
    assertFalse(UploadLinkSignature.verify(OTHER_KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES, s, NOW), "key");
  }

  @Test
  void forgedOrMissingSignaturesFail() {
    String s = sign();
    String flipped = (s.charAt(0) == 'A' ? 'B' : 'A') + s.substring(1);
    assertFalse(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES, flipped, NOW));
    assertFalse(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES, null, NOW));
    assertFalse(UploadLinkSignature.verify(KEY, "TCI1", "VLD1", 0, UploadSide.FRONT, MAX, EXPIRES, "", NOW));
  }

  @Test
  void signaturesAreUrlSafeAndStable() {
    assertEquals(sign(), sign());
    assertTrue(sign().matches("[A-Za-z0-9_-]{43}"), sign());
    assertNotEquals(sign(), UploadLinkSignature.sign(KEY, "TCI1", "VLD1", 0, UploadSide.SELFIE, MAX, EXPIRES));
  }
}
