package io.idforge.identity.core.application;

import io.idforge.identity.core.security.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backend keys found by digest, remembered for a few seconds ({@code identity.auth.backend-key-cache},
 * default {@code PT5S}; {@code PT0S} turns it off): every {@code /v1} call authenticates, and the
 * lookup was a transaction and a SQL statement per request (bench/RESULTS.md).
 *
 * <p>Only active keys are kept, keyed by the SHA-256 digest of the presented key, never the key
 * itself; a hit gives back the same tenant the database gave for that digest, so no tenant can be
 * answered as another. Revocation: {@link #revoked} drops the key on this node at once and keeps
 * it from being cached again by a lookup that read the row before the revocation committed; other
 * nodes honour it when their entry expires, within the cache time.
 */
@ApplicationScoped
public class BackendKeyCache {

  /** A bound on memory: a flood of distinct valid keys only empties the cache. */
  static final int MAX_ENTRIES = 10_000;

  /** How long a revocation mark outlives the lookups that may have read the row before it. */
  static final Duration REVOKED_MARK = Duration.ofMinutes(1);

  private record Entry(String keyId, Caller caller, long expiresAtMillis) {}

  private final Map<String, Entry> byDigest = new ConcurrentHashMap<>();

  /** Key ids revoked on this node: never cached again while marked (value: when the mark ends). */
  private final Map<String, Long> revokedHere = new ConcurrentHashMap<>();

  private Clock clock;

  private Duration ttl;

  /** For CDI. */
  protected BackendKeyCache() {}

  @Inject
  public BackendKeyCache(
      Clock clock, @ConfigProperty(name = "identity.auth.backend-key-cache", defaultValue = "PT5S") Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * The caller of a presented {@code Truora-API-Key} header when it is a backend key looked up less
   * than the cache time ago. Lets the API's authentication answer a hit without the
   * {@code @Stateless} {@code ApiKeyService} (an EJB call and a JTA transaction per request).
   * A web token is not parsed here: only backend keys the database returned are cached, so its
   * digest can only miss, and hashing it costs less than decoding its claims.
   */
  public Optional<Caller> findPresented(String presented) {
    if (presented == null || presented.isBlank() || byDigest.isEmpty()) {
      return Optional.empty();
    }
    return find(digestOf(presented));
  }

  /** The digest a presented key is cached and stored under (the header's surrounding blanks ignored). */
  static String digestOf(String presented) {
    return Digests.sha256Hex(presented.trim());
  }

  /** The caller of an active backend key with this digest, if looked up less than the cache time ago. */
  public Optional<Caller> find(String digest) {
    Entry e = byDigest.get(digest);
    if (e == null) {
      return Optional.empty();
    }
    if (e.expiresAtMillis() <= nowMillis() || revokedHere.containsKey(e.keyId())) {
      byDigest.remove(digest, e);
      return Optional.empty();
    }
    return Optional.of(e.caller());
  }

  /** Remembers an active key the database just returned. */
  public void put(String digest, String keyId, Caller caller) {
    if (ttl.isZero() || ttl.isNegative() || revokedHere.containsKey(keyId)) {
      return;
    }
    if (byDigest.size() >= MAX_ENTRIES) {
      byDigest.clear();
    }
    Entry e = new Entry(keyId, caller, nowMillis() + ttl.toMillis());
    byDigest.put(digest, e);
    // A revocation between the check above and the put: whichever ran second removes the entry.
    if (revokedHere.containsKey(keyId)) {
      byDigest.remove(digest, e);
    }
  }

  /** The key was revoked here: it is not served from this cache again. */
  public void revoked(String keyId) {
    long now = nowMillis();
    revokedHere.values().removeIf(until -> until <= now);
    revokedHere.put(keyId, now + Math.max(REVOKED_MARK.toMillis(), 2 * ttl.toMillis()));
    for (Iterator<Entry> it = byDigest.values().iterator(); it.hasNext(); ) {
      if (it.next().keyId().equals(keyId)) {
        it.remove();
      }
    }
  }

  /** Not {@code clock.millis()}: on JDK 17 that divides by zero for the application's microsecond tick clock. */
  private long nowMillis() {
    return clock.instant().toEpochMilli();
  }
}
