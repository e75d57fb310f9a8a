package io.idforge.identity.core.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Personal data in text columns, sealed with the media key ring: {@code enc1:<key id>:<base64 nonce
 * and ciphertext>}. The associated data is the column's name, so a value copied into another
 * column does not open. A static holder because JPA converters are created by the persistence
 * provider, not by CDI; {@link MediaKeys#initialise()} installs the cipher at start-up, before any
 * request runs.
 */
public final class FieldSealing {

  /** Marks a sealed value; anything else in a sealed column is a plaintext row from before V7. */
  public static final String PREFIX = "enc1:";

  private static volatile MediaCipher cipher;

  private FieldSealing() {}

  /** Installs the key ring (start-up, and tests). */
  public static void install(MediaCipher ring) {
    cipher = ring;
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Seals {@code plaintext} for {@code column} ({@code table.column}); null stays null. */
  public static String seal(String plaintext, String column) {
    if (plaintext == null) {
      return null;
    }
    MediaCipher.Sealed s = ring().seal(plaintext.getBytes(StandardCharsets.UTF_8), aad(column));
    byte[] packed = new byte[s.nonce().length + s.ciphertext().length];
    System.arraycopy(s.nonce(), 0, packed, 0, s.nonce().length);
    System.arraycopy(s.ciphertext(), 0, packed, s.nonce().length, s.ciphertext().length);
    return PREFIX + s.keyId() + ":" + Base64.getEncoder().withoutPadding().encodeToString(packed);
  }

  /**
   * Opens a value of {@code column}. A value without the prefix is returned as it is: it is a row
   * written before encryption, which the start-up step seals (see {@code PlaintextSealing}).
   *
   * @throws IllegalStateException when the key is unknown or the value was tampered with or moved
   */
  public static String open(String stored, String column) {
    if (stored == null || !isSealed(stored)) {
      return stored;
    }
    int sep = stored.indexOf(':', PREFIX.length());
    if (sep < 0) {
      throw new IllegalStateException("sealed value of " + column + " is malformed");
    }
    String keyId = stored.substring(PREFIX.length(), sep);
    byte[] packed = Base64.getDecoder().decode(stored.substring(sep + 1));
    if (packed.length < MediaCipher.NONCE_BYTES) {
      throw new IllegalStateException("sealed value of " + column + " is malformed");
    }
    byte[] nonce = new byte[MediaCipher.NONCE_BYTES];
    byte[] ct = new byte[packed.length - nonce.length];
    System.arraycopy(packed, 0, nonce, 0, nonce.length);
    System.arraycopy(packed, nonce.length, ct, 0, ct.length);
    return new String(ring().open(keyId, nonce, ct, aad(column)), StandardCharsets.UTF_8);
  }

  private static byte[] aad(String column) {
    return ("idforge:field:" + column).getBytes(StandardCharsets.UTF_8);
  }

  private static MediaCipher ring() {
    MediaCipher current = cipher;
    if (current == null) {
      throw new IllegalStateException("field encryption keys are not initialised yet");
    }
    return current;
  }
}
