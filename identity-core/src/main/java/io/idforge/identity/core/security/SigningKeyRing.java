package io.idforge.identity.core.security;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HS256 secrets the service signs and verifies with, by {@code kid}. One is active for
 * signing; the others still verify, so a key can be rotated without invalidating live tokens.
 * Immutable: the {@link SigningKeys} bean swaps in a new ring when it changes.
 */
public final class SigningKeyRing {

  /** HS256 needs at least 256 bits of key. */
  public static final int MIN_SECRET_BYTES = 32;

  private final String activeKid;
  private final Map<String, byte[]> secrets;

  public SigningKeyRing(String activeKid, Map<String, byte[]> secrets) {
    if (!secrets.containsKey(activeKid)) {
      throw new IllegalArgumentException("active signing key " + activeKid + " is not in the ring");
    }
    for (Map.Entry<String, byte[]> e : secrets.entrySet()) {
      if (e.getValue().length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException(
            "signing key " + e.getKey() + " is shorter than " + (MIN_SECRET_BYTES * 8) + " bits");
      }
    }
    this.activeKid = activeKid;
    this.secrets = Map.copyOf(secrets);
  }

  /**
   * Parses {@code kid1=base64secret,kid2=base64secret}; the first entry is active unless
   * {@code activeKid} names another.
   */
  public static SigningKeyRing parse(String configured, String activeKid) {
    Map<String, byte[]> secrets = new LinkedHashMap<>();
    for (String entry : configured.split("[,;\\s]+")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("identity.jwt.signing-keys entries look like kid=base64secret");
      }
      secrets.put(entry.substring(0, eq), Base64.getDecoder().decode(entry.substring(eq + 1)));
    }
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("identity.jwt.signing-keys is empty");
    }
    String active = activeKid == null || activeKid.isBlank() ? secrets.keySet().iterator().next() : activeKid;
    return new SigningKeyRing(active, secrets);
  }

  public String activeKid() {
    return activeKid;
  }

  public byte[] activeSecret() {
    return secrets.get(activeKid);
  }

  public Optional<byte[]> secret(String kid) {
    return Optional.ofNullable(kid == null ? null : secrets.get(kid));
  }
}
