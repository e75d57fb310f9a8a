package io.idforge.identity.core.security;

import io.idforge.identity.core.domain.signingkey.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the current {@link SigningKeyRing}. Configured keys ({@code identity.jwt.signing-keys},
 * best set through the environment variable {@code IDENTITY_JWT_SIGNING_KEYS}) win; without them
 * the service generates one 256-bit key on first start, stores it so every instance and every
 * restart agrees, and says so in the log. The oldest stored key is the active one, so two
 * instances racing on a fresh database still converge.
 */
@ApplicationScoped
public class SigningKeys implements SigningKeySource {

  static final long RELOAD_INTERVAL_MILLIS = 30_000;

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

  @Inject
  @ConfigProperty(name = "identity.jwt.signing-keys")
  Optional<String> configuredKeys;

  @Inject
  @ConfigProperty(name = "identity.jwt.active-kid")
  Optional<String> activeKid;

  @Inject GeneratedSecrets generated;

  private volatile SigningKeyRing ring;

  private volatile long lastReloadMillis;

  /** Loads or creates the keys; called once at start-up after the schema migration. */
  public void initialise() {
    if (configuredKeys.filter(s -> !s.isBlank()).isPresent()) {
      ring = SigningKeyRing.parse(configuredKeys.get(), activeKid.orElse(null));
      LOG.info(() -> "JWT signing keys come from configuration; active kid " + ring.activeKid());
      return;
    }
    Map<String, byte[]> secrets = generated.loadOrGenerate(SigningKey.JWT, "IDENTITY_JWT_SIGNING_KEYS");
    ring = new SigningKeyRing(secrets.keySet().iterator().next(), secrets);
    LOG.info(() -> "JWT signing keys loaded from the database; active kid " + ring.activeKid());
  }

  /**
   * The secret for {@code kid}. An unknown kid triggers at most one reload from the database per
   * {@link #RELOAD_INTERVAL_MILLIS}, so an instance learns a key another instance generated.
   */
  @Override
  public Optional<byte[]> secret(String kid) {
    Optional<byte[]> secret = ring().secret(kid);
    long now = System.currentTimeMillis();
    if (secret.isEmpty() && configuredKeys.filter(s -> !s.isBlank()).isEmpty()
        && now - lastReloadMillis > RELOAD_INTERVAL_MILLIS) {
      lastReloadMillis = now;
      Map<String, byte[]> secrets = generated.load(SigningKey.JWT);
      if (!secrets.isEmpty()) {
        ring = new SigningKeyRing(ring().activeKid(), merge(ring(), secrets));
      }
      secret = ring().secret(kid);
    }
    return secret;
  }

  private static Map<String, byte[]> merge(SigningKeyRing current, Map<String, byte[]> loaded) {
    Map<String, byte[]> all = new LinkedHashMap<>(loaded);
    all.putIfAbsent(current.activeKid(), current.activeSecret());
    return all;
  }

  @Override
  public SigningKeyRing ring() {
    SigningKeyRing current = ring;
    if (current == null) {
      throw new IllegalStateException("signing keys are not initialised yet");
    }
    return current;
  }
}
