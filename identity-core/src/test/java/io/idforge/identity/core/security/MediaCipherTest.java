package io.idforge.identity.core.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MediaCipherTest {

  static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
  static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final byte[] AAD = "TCI1|MED1".getBytes(StandardCharsets.UTF_8);

  @Test
  void sealsAndOpensWithoutLeavingThePlaintextInTheCiphertext() {
    MediaCipher cipher = MediaCipher.parse("k1=" + K1);
    byte[] image = "JFIF-pretend-image-bytes-JFIF-pretend-image-bytes".getBytes(StandardCharsets.UTF_8);
    MediaCipher.Sealed sealed = cipher.seal(image, AAD);
    assertEquals("k1", sealed.keyId());
    assertEquals(12, sealed.nonce().length);
    assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("JFIF"));
    assertArrayEquals(image, cipher.open(sealed.keyId(), sealed.nonce(), sealed.ciphertext(), AAD));
  }

  @Test
  void anotherTenantsAssociatedDataOrATamperedByteDoesNotOpen() {
    MediaCipher cipher = MediaCipher.parse("k1=" + K1);
    MediaCipher.Sealed sealed = cipher.seal(new byte[] {1, 2, 3}, AAD);
    byte[] otherTenant = "TCI2|MED1".getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalStateException.class, () -> cipher.open("k1", sealed.nonce(), sealed.ciphertext(), otherTenant));
    byte[] tampered = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length);
    tampered[0] ^= 1;
    assertThrows(IllegalStateException.class, () -> cipher.open("k1", sealed.nonce(), tampered, AAD));
  }

  @Test
  void rotationSealsWithTheFirstKeyAndStillOpensOldMedia() {
    MediaCipher old = MediaCipher.parse("k1=" + K1);
    MediaCipher.Sealed before = old.seal(new byte[] {7}, AAD);
    MediaCipher rotated = MediaCipher.parse("k2=" + K2 + ",k1=" + K1);
    assertArrayEquals(new byte[] {7}, rotated.open("k1", before.nonce(), before.ciphertext(), AAD));
    assertEquals("k2", rotated.seal(new byte[] {8}, AAD).keyId());
    assertThrows(IllegalStateException.class, () -> old.open("k2", before.nonce(), before.ciphertext(), AAD));
  }

  @Test
  void keysMustBe256Bits() {
    assertThrows(IllegalArgumentException.class,
        () -> MediaCipher.parse("k1=" + Base64.getEncoder().encodeToString(new byte[16])));
  }

  @Test
  void aDerivedRingOpensOnlyItsOwnPurposeAndRotatesLikeTheMediaRing() {
    MediaCipher media = MediaCipher.parse("k1=" + K1);
    MediaCipher state = media.derive("hosted-state");
    MediaCipher.Sealed sealed = state.seal(new byte[] {5}, AAD);
    assertEquals("k1", sealed.keyId());
    // Another node with the same media keys derives the same key.
    assertArrayEquals(new byte[] {5},
        MediaCipher.parse("k1=" + K1).derive("hosted-state").open("k1", sealed.nonce(), sealed.ciphertext(), AAD));
    // Neither the media key nor another purpose's key opens it.
    assertThrows(IllegalStateException.class, () -> media.open("k1", sealed.nonce(), sealed.ciphertext(), AAD));
    assertThrows(IllegalStateException.class,
        () -> media.derive("other").open("k1", sealed.nonce(), sealed.ciphertext(), AAD));
    // After a rotation the new first key seals and the old one still opens.
    MediaCipher rotated = MediaCipher.parse("k2=" + K2 + ",k1=" + K1).derive("hosted-state");
    assertArrayEquals(new byte[] {5}, rotated.open("k1", sealed.nonce(), sealed.ciphertext(), AAD));
    assertEquals("k2", rotated.seal(new byte[] {6}, AAD).keyId());
    assertThrows(IllegalArgumentException.class, () -> media.derive(" "));
  }
}
