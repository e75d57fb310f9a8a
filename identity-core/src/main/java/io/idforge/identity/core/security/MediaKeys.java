package io.idforge.identity.core.security;

import io.idforge.identity.core.domain.signingkey.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link MediaCipher} for uploads: keys from {@code identity.media.encryption-keys}
 * ({@code IDENTITY_MEDIA_ENCRYPTION_KEYS}, {@code id=base64key,...}), or a generated key stored in
 * the database when none is configured (announced in the log).
 */
@ApplicationScoped
public class MediaKeys {

  private static final Logger LOG = Logger.getLogger(MediaKeys.class.getName());

  @Inject
  @ConfigProperty(name = "identity.media.encryption-keys")
  Optional<String> configuredKeys;

  @Inject GeneratedSecrets generated;

  private volatile MediaCipher cipher;

  /** Loads or creates the keys; called once at start-up after the schema migration. */
  public void initialise() {
    if (configuredKeys.filter(s -> !s.isBlank()).isPresent()) {
      cipher = MediaCipher.parse(configuredKeys.get());
      FieldSealing.install(cipher);
      LOG.info("media encryption keys come from configuration");
      return;
    }
    Map<String, byte[]> secrets = generated.loadOrGenerate(SigningKey.MEDIA, "IDENTITY_MEDIA_ENCRYPTION_KEYS");
    cipher = new MediaCipher(secrets.keySet().iterator().next(), secrets);
    // Personal data in the database is sealed with the same ring (one rotation for both).
    FieldSealing.install(cipher);
  }

  public MediaCipher cipher() {
    MediaCipher current = cipher;
    if (current == null) {
      throw new IllegalStateException("media keys are not initialised yet");
    }
    return current;
  }
}
