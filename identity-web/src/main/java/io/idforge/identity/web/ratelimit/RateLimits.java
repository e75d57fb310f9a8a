package io.idforge.identity.web.ratelimit;

import io.idforge.identity.core.security.Digests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's rate limits, per node. Authentication: a client address or a presented key that has
 * failed {@code auth-failures.per-ip} / {@code per-key} times in a window is refused with 429
 * before its next credential is even checked. Token issuance ({@code POST /v1/api-keys}): at most
 * {@code tokens.per-key} per backend key and {@code tokens.per-ip} per client address per window.
 * Keys are never kept: a presented key is remembered by a truncated SHA-256 digest.
 */
@ApplicationScoped
public class RateLimits {

  private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

  /** Hex digits of a key's SHA-256 kept as its bucket name: enough to tell keys apart. */
  private static final int KEY_DIGEST_CHARS = 32;

  @Inject
  @ConfigProperty(name = "identity.rate-limits.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "identity.rate-limits.window", defaultValue = "PT1M")
  Duration window;

  @Inject
  @ConfigProperty(name = "identity.rate-limits.auth-failures.per-ip", defaultValue = "30")
  int authFailuresPerIp;

  @Inject
  @ConfigProperty(name = "identity.rate-limits.auth-failures.per-key", defaultValue = "10")
  int authFailuresPerKey;

  @Inject
  @ConfigProperty(name = "identity.rate-limits.tokens.per-key", defaultValue = "600")
  int tokensPerKey;

  @Inject
  @ConfigProperty(name = "identity.rate-limits.tokens.per-ip", defaultValue = "1200")
  int tokensPerIp;

  @Inject
  @ConfigProperty(name = "identity.rate-limits.max-tracked", defaultValue = "100000")
  int maxTracked;

  private RateLimiter failuresByIp;
  private RateLimiter failuresByKey;
  private RateLimiter issuanceByKey;
  private RateLimiter issuanceByIp;

  @PostConstruct
  void init() {
    failuresByIp = new RateLimiter(authFailuresPerIp, window, maxTracked, System::nanoTime);
    failuresByKey = new RateLimiter(authFailuresPerKey, window, maxTracked, System::nanoTime);
    issuanceByKey = new RateLimiter(tokensPerKey, window, maxTracked, System::nanoTime);
    issuanceByIp = new RateLimiter(tokensPerIp, window, maxTracked, System::nanoTime);
    if (!enabled) {
      LOG.warning("Rate limits are OFF (identity.rate-limits.enabled=false): for benchmarks only");
    }
  }

  /** How long a caller from {@code ip} presenting {@code key} must wait before trying again, if at all. */
  public Optional<Duration> authenticationBlocked(String ip, String presentedKey) {
    if (!enabled) {
      return Optional.empty();
    }
    Optional<Duration> byIp = failuresByIp.waitFor(ip);
    return isBlank(presentedKey) ? byIp : longest(byIp, failuresByKey.waitFor(keyName(presentedKey)));
  }

  /** Counts a failed authentication against the address and the presented key. */
  public void authenticationFailed(String ip, String presentedKey) {
    if (enabled) {
      failuresByIp.record(ip);
      // No key at all is not a key: it is limited per address only, or every caller that forgot
      // the header anywhere would share one bucket.
      if (!isBlank(presentedKey)) {
        failuresByKey.record(keyName(presentedKey));
      }
    }
  }

  /**
   * Spends one token issuance of the backend key and one of the address when both have one left
   * (empty answer); otherwise spends nothing and answers how long to wait.
   */
  public Optional<Duration> acquireIssuance(String ip, String backendKey) {
    if (!enabled) {
      return Optional.empty();
    }
    Optional<Duration> byKey = issuanceByKey.waitFor(keyName(backendKey));
    Optional<Duration> byIp = issuanceByIp.waitFor(ip);
    if (byKey.isPresent() || byIp.isPresent()) {
      return longest(byKey, byIp);
    }
    return longest(issuanceByKey.tryAcquire(keyName(backendKey)), issuanceByIp.tryAcquire(ip));
  }

  private static String keyName(String presentedKey) {
    return Digests.sha256Hex(presentedKey.trim()).substring(0, KEY_DIGEST_CHARS);
  }

  private static boolean isBlank(String key) {
    return key == null || key.isBlank();
  }

  private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().compareTo(b.get()) >= 0 ? a : b;
  }
}
