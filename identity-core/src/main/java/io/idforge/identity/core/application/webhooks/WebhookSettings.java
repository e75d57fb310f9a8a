package io.idforge.identity.core.application.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code identity.webhooks.*} configuration, read once, with the rule objects built from it. */
@ApplicationScoped
public class WebhookSettings {

  @Inject
  @ConfigProperty(name = "identity.webhooks.allow-http", defaultValue = "false")
  boolean allowHttp;

  /** Hosts, addresses or CIDR ranges exempt from the private-address rule, comma-separated. */
  @Inject
  @ConfigProperty(name = "identity.webhooks.allowlist")
  Optional<String> allowlist;

  @Inject
  @ConfigProperty(name = "identity.webhooks.retry-schedule", defaultValue = "PT1M,PT5M,PT30M,PT2H,PT6H,PT16H")
  String retrySchedule;

  @Inject
  @ConfigProperty(name = "identity.webhooks.retry-jitter", defaultValue = "0.2")
  double retryJitter;

  @Inject
  @ConfigProperty(name = "identity.webhooks.secret-overlap", defaultValue = "PT24H")
  Duration secretOverlap;

  @Inject
  @ConfigProperty(name = "identity.webhooks.drain-interval", defaultValue = "PT2S")
  Duration drainInterval;

  @Inject
  @ConfigProperty(name = "identity.webhooks.batch-size", defaultValue = "100")
  int batchSize;

  /**
   * Requests in flight per node, one sender thread each (blocking I/O: a thread waiting for a
   * receiver costs no CPU). A claim takes up to half of it at a time while there is a backlog, so
   * it also sets how many rows share one claim's transaction, endpoint read and secret opening:
   * 64 measured 0.63 ms of CPU per delivery against 0.80 ms with 32 (bench/webhooks.sh).
   */
  @Inject
  @ConfigProperty(name = "identity.webhooks.max-in-flight", defaultValue = "64")
  int maxInFlight;

  /** How long a claimed delivery stays invisible to other drains (longer than any send). */
  @Inject
  @ConfigProperty(name = "identity.webhooks.claim-timeout", defaultValue = "PT2M")
  Duration claimTimeout;

  @Inject
  @ConfigProperty(name = "identity.webhooks.retention", defaultValue = "P60D")
  Duration retention;

  @Inject
  @ConfigProperty(name = "identity.webhooks.breaker.failures", defaultValue = "5")
  int breakerFailures;

  @Inject
  @ConfigProperty(name = "identity.webhooks.breaker.open-for", defaultValue = "PT1M")
  Duration breakerOpenFor;

  private volatile RetrySchedule schedule;
  private volatile UrlPolicy urlPolicy;

  public RetrySchedule retrySchedule() {
    if (schedule == null) {
      schedule = new RetrySchedule(RetrySchedule.parse(retrySchedule), retryJitter, () -> ThreadLocalRandom.current().nextDouble());
    }
    return schedule;
  }

  public UrlPolicy urlPolicy() {
    if (urlPolicy == null) {
      urlPolicy = new UrlPolicy(allowHttp, List.of(allowlist.orElse("").split(",")), java.net.InetAddress::getAllByName);
    }
    return urlPolicy;
  }

  public Duration secretOverlap() {
    return secretOverlap;
  }

  public Duration drainInterval() {
    return drainInterval;
  }

  public int batchSize() {
    return batchSize;
  }

  public int maxInFlight() {
    return maxInFlight;
  }

  public Duration claimTimeout() {
    return claimTimeout;
  }

  public Duration retention() {
    return retention;
  }

  public int breakerFailures() {
    return breakerFailures;
  }

  public Duration breakerOpenFor() {
    return breakerOpenFor;
  }
}
