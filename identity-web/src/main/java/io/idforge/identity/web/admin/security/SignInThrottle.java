package io.idforge.identity.web.admin.security;

import io.idforge.identity.web.ratelimit.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's per-address sign-in limit, on top of the per-account lock-out: an address that
 * failed {@code identity.console.sign-in.failures-per-ip} times within
 * {@code identity.console.sign-in.window} is refused before its password is even checked (so
 * guessing across many accounts from one address stops too), until the bucket refills. In memory,
 * per node, like the API's limits. Off with {@code identity.rate-limits.enabled=false}.
 */
@ApplicationScoped
public class SignInThrottle {

  @Inject
  @ConfigProperty(name = "identity.rate-limits.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "identity.console.sign-in.failures-per-ip", defaultValue = "20")
  int failuresPerIp;

  @Inject
  @ConfigProperty(name = "identity.console.sign-in.window", defaultValue = "PT15M")
  Duration window;

  @Inject
  @ConfigProperty(name = "identity.rate-limits.max-tracked", defaultValue = "100000")
  int maxTracked;

  private RateLimiter failures;

  @PostConstruct
  void init() {
    failures = new RateLimiter(failuresPerIp, window, maxTracked, System::nanoTime);
  }

  /** How long {@code ip} must wait before its next attempt is checked; empty when it may try now. */
  public Optional<Duration> blocked(String ip) {
    return enabled ? failures.waitFor(ip) : Optional.empty();
  }

  /** Counts a failed sign-in of {@code ip}. */
  public void failed(String ip) {
    if (enabled) {
      failures.record(ip);
    }
  }
}
