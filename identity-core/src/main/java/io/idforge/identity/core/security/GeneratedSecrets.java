package io.idforge.identity.core.security;

import io.idforge.identity.core.application.port.FirstStartLock;
import io.idforge.identity.core.domain.signingkey.SigningKey;
import io.idforge.identity.core.domain.signingkey.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * 256-bit secrets the service makes for itself when an operator configured none: loaded from the
 * database, or generated, stored and announced in the log on the first start. Suitable for the
 * embedded default and trials; production configures its keys from a secret store.
 */
@ApplicationScoped
public class GeneratedSecrets {

  private static final Logger LOG = Logger.getLogger(GeneratedSecrets.class.getName());

  static final int SECRET_BYTES = 32;

  @Inject SigningKeyRepository repository;

  @Inject FirstStartLock firstStart;

  @Inject Clock clock;

  /**
   * The stored secrets of {@code purpose} by id, oldest first; generates one when there is none.
   *
   * @param configKey the configuration key the operator should set instead, for the log message
   */
  @Transactional
  public Map<String, byte[]> loadOrGenerate(String purpose, String configKey) {
    List<SigningKey> stored = repository.all(purpose);
    if (stored.isEmpty()) {
      // Another node may be generating this key right now: wait for it, then look again.
      firstStart.hold();
      stored = repository.all(purpose);
    }
    if (stored.isEmpty()) {
      byte[] secret = new byte[SECRET_BYTES];
      new SecureRandom().nextBytes(secret);
      SigningKey generated =
          new SigningKey(
              purpose, "gen-" + UUID.randomUUID(), Base64.getEncoder().encodeToString(secret), OffsetDateTime.now(clock));
      repository.store(generated);
      stored = List.of(generated);
      LOG.warning(
          "No " + configKey + " configured: generated a " + purpose + " key (" + generated.kid()
              + ") and stored it in the database. Configure " + configKey + " for production.");
    }
    Map<String, byte[]> secrets = new LinkedHashMap<>();
    for (SigningKey k : stored) {
      secrets.put(k.kid(), Base64.getDecoder().decode(k.secret()));
    }
    return secrets;
  }

  /** The stored secrets of {@code purpose}, without generating any. */
  @Transactional
  public Map<String, byte[]> load(String purpose) {
    Map<String, byte[]> secrets = new LinkedHashMap<>();
    for (SigningKey k : repository.all(purpose)) {
      secrets.put(k.kid(), Base64.getDecoder().decode(k.secret()));
    }
    return secrets;
  }
}
