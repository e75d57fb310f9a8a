package io.idforge.identity.core.application.webhooks;

import io.idforge.identity.core.security.MediaCipher;
import io.idforge.identity.core.security.MediaKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets: generated here (256 random bits, {@code whsec_} + base64url), shown to the
 * tenant once, and stored sealed with the media key ring as {@code keyId.nonce.ciphertext}; the
 * associated data binds a sealed secret to its tenant, so a row copied to another tenant does not
 * open. They cannot be hashed like API keys: the service needs them in clear to sign.
 */
@ApplicationScoped
public class WebhookSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getUrlDecoder();

  @Inject MediaKeys mediaKeys;

  public String generate() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return "whsec_" + B64.encodeToString(raw);
  }

  public String seal(String clientId, String secret) {
    MediaCipher.Sealed s = mediaKeys.cipher().seal(secret.getBytes(StandardCharsets.UTF_8), aad(clientId));
    return s.keyId() + "." + B64.encodeToString(s.nonce()) + "." + B64.encodeToString(s.ciphertext());
  }

  public String open(String clientId, String sealed) {
    String[] parts = sealed.split("\\.");
    if (parts.length != 3) {
      throw new IllegalStateException("sealed webhook secret is malformed");
    }
    byte[] clear = mediaKeys.cipher().open(parts[0], D64.decode(parts[1]), D64.decode(parts[2]), aad(clientId));
    return new String(clear, StandardCharsets.UTF_8);
  }

  private static byte[] aad(String clientId) {
    return ("webhook-secret:" + clientId).getBytes(StandardCharsets.UTF_8);
  }
}
