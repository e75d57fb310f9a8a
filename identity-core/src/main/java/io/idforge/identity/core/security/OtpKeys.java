package io.idforge.identity.core.security;

import io.idforge.identity.core.otp.OneTimeCodes;
import io.idforge.identity.core.otp.OtpKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HMAC keys of one-time codes: {@code identity.otp.keys} ({@code IDENTITY_OTP_KEYS},
 * {@code id=base64key,...}, first one active), or a generated key stored in the database when none
 * is configured. A configured key keeps stored code hashes useless to whoever reads the database.
 */
@ApplicationScoped
public class OtpKeys {

  @Inject
  @ConfigProperty(name = "identity.otp.keys")
  Optional<String> configuredKeys;

  @Inject GeneratedSecrets generated;

  @Inject Clock clock;

  private volatile OneTimeCodes codes;

  private volatile byte[] tagKey;

  /** Loads or creates the keys; called once at start-up after the schema migration. */
  public void initialise() {
    Map<String, byte[]> secrets =
        configuredKeys.filter(s -> !s.isBlank()).map(OtpKeys::parse)
            .orElseGet(() -> generated.loadOrGenerate("otp", "IDENTITY_OTP_KEYS"));
    List<OtpKey> keys = new ArrayList<>();
    secrets.forEach((id, secret) -> keys.add(new OtpKey(id, secret)));
    codes = new OneTimeCodes(clock, keys.get(0), keys.subList(1, keys.size()).toArray(OtpKey[]::new));
    tagKey = secrets.values().iterator().next();
  }

  /**
   * A keyed hash of a phone number or e-mail address, to count the codes sent to it without storing
   * it (a plain hash of a phone number is reversed by trying every number).
   */
  public String destinationTag(String destination) {
    return tag("destination", destination);
  }

  /**
   * A keyed hash of a personal value under a purpose label (so a tag of one kind never equals a
   * tag of another): lets the service find rows by a value it stores only sealed or not at all.
   */
  public String tag(String purpose, String value) {
    byte[] key = tagKey;
    if (key == null) {
      throw new IllegalStateException("one-time-code keys are not initialised yet");
    }
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      byte[] tag = mac.doFinal((purpose + "|" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(tag);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  public OneTimeCodes codes() {
    OneTimeCodes current = codes;
    if (current == null) {
      throw new IllegalStateException("one-time-code keys are not initialised yet");
    }
    return current;
  }

  static Map<String, byte[]> parse(String configured) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String entry : configured.split("[,;\\s]+")) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("identity.otp.keys entries look like id=base64key");
      }
      keys.put(entry.substring(0, eq), Base64.getDecoder().decode(entry.substring(eq + 1)));
    }
    return keys;
  }
}
