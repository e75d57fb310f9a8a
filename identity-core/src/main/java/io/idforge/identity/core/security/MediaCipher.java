package io.idforge.identity.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for media at rest. Each object gets a fresh 96-bit nonce; the associated data binds
 * the ciphertext to its tenant and id. Keys are named so they can rotate: the first key seals,
 * every key opens.
 */
public final class MediaCipher {

  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;

  private final String activeKeyId;
  private final Map<String, SecretKeySpec> keys;
  private final SecureRandom random = new SecureRandom();

  public MediaCipher(String activeKeyId, Map<String, byte[]> rawKeys) {
    Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
    rawKeys.forEach(
        (id, raw) -> {
          if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("media key " + id + " must be 256 bits");
          }
          specs.put(id, new SecretKeySpec(raw, "AES"));
        });
    if (!specs.containsKey(activeKeyId)) {
      throw new IllegalArgumentException("active media key " + activeKeyId + " is not configured");
    }
    this.activeKeyId = activeKeyId;
    this.keys = Map.copyOf(specs);
  }

  /**
   * The same ring for another purpose: each key replaced by HMAC-SHA256(key, {@code purpose}), under
   * the same id and in the same order (the first still seals, all still open). What one purpose
   * seals the other cannot open, and no derived key reveals a media key; every node that shares
   * the media keys derives the same keys.
   */
  public MediaCipher derive(String purpose) {
    if (purpose == null || purpose.isBlank()) {
      throw new IllegalArgumentException("a derived key ring needs a purpose label");
    }
    Map<String, byte[]> derived = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, SecretKeySpec> k : orderedKeys().entrySet()) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(k.getValue().getEncoded(), "HmacSHA256"));
        derived.put(k.getKey(), mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
    return new MediaCipher(activeKeyId, derived);
  }

  /** The keys with the active one first (Map.copyOf keeps no order). */
  private Map<String, SecretKeySpec> orderedKeys() {
    Map<String, SecretKeySpec> ordered = new LinkedHashMap<>();
    ordered.put(activeKeyId, keys.get(activeKeyId));
    ordered.putAll(keys);
    return ordered;
  }

  /** Parses {@code id=base64key[,id2=base64key]}; the first key seals. */
  public static MediaCipher parse(String configured) {
    Map<String, byte[]> raw = new LinkedHashMap<>();
    for (String entry : configured.split("[,;\\s]+")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("identity.media.encryption-keys entries look like id=base64key");
      }
      raw.put(entry.substring(0, eq), Base64.getDecoder().decode(entry.substring(eq + 1)));
    }
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("identity.media.encryption-keys is empty");
    }
    return new MediaCipher(raw.keySet().iterator().next(), raw);
  }

  /** The result of sealing: which key, the nonce and the ciphertext (with its tag). */
  public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {}

  public Sealed seal(byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return new Sealed(activeKeyId, nonce, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * @throws IllegalStateException when the key is unknown or the data was tampered with
   */
  public byte[] open(String keyId, byte[] nonce, byte[] ciphertext, byte[] associatedData) {
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("media key " + keyId + " is not configured");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("media could not be decrypted (wrong key or tampered data)", e);
    }
  }
}
