package io.idforge.identity.web.metrics;

import io.idforge.identity.core.application.port.IdentityMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link IdentityMetrics} on the application's {@link MetricRegistry}. In Prometheus text the
 * counters read {@code identity_tokens_issued_total{key_type="web",mp_scope="application"}} and
 * so on (docs/grafana-dashboard.json charts them). The usual series are registered at zero on
 * start, so a rate is defined before the first event.
 */
@ApplicationScoped
@Alternative
@Priority(10) // wins over MetricsUnavailable wherever MicroProfile Metrics exists (Payara)
public class MicroProfileIdentityMetrics implements IdentityMetrics {

  static final Metadata TOKENS_ISSUED =
      Metadata.builder().withName(DomainSeries.TOKENS_ISSUED)
          .withDescription(DomainSeries.TOKENS_ISSUED_HELP).build();
  static final Metadata TOKENS_REJECTED =
      Metadata.builder().withName(DomainSeries.TOKENS_REJECTED)
          .withDescription(DomainSeries.TOKENS_REJECTED_HELP).build();
  static final Metadata PROCESSES_STARTED =
      Metadata.builder().withName(DomainSeries.PROCESSES_STARTED)
          .withDescription(DomainSeries.PROCESSES_STARTED_HELP).build();
  static final Metadata PROCESSES_RESUMED =
      Metadata.builder().withName(DomainSeries.PROCESSES_RESUMED)
          .withDescription(DomainSeries.PROCESSES_RESUMED_HELP).build();
  static final Metadata PROCESSES_FINISHED =
      Metadata.builder().withName(DomainSeries.PROCESSES_FINISHED)
          .withDescription(DomainSeries.PROCESSES_FINISHED_HELP).build();

  static final Metadata OTP_LIMITS_TRIPPED =
      Metadata.builder().withName(DomainSeries.OTP_LIMITS_TRIPPED)
          .withDescription(DomainSeries.OTP_LIMITS_TRIPPED_HELP).build();

  static final Metadata CHECK_DURATION =
      Metadata.builder().withName(DomainSeries.CHECK_DURATION).withUnit(MetricUnits.SECONDS)
          .withDescription(DomainSeries.CHECK_DURATION_HELP).build();
  static final Metadata REVIEW_QUEUE_OPEN =
      Metadata.builder().withName(DomainSeries.REVIEW_QUEUE_OPEN).withUnit(MetricUnits.NONE)
          .withDescription(DomainSeries.REVIEW_QUEUE_OPEN_HELP).build();
  static final Metadata REVIEW_QUEUE_OLDEST_AGE =
      Metadata.builder().withName(DomainSeries.REVIEW_QUEUE_OLDEST_AGE).withUnit(MetricUnits.NONE)
          .withDescription(DomainSeries.REVIEW_QUEUE_OLDEST_AGE_HELP).build();
  static final Metadata WEBHOOK_ATTEMPTS =
      Metadata.builder().withName(DomainSeries.WEBHOOK_ATTEMPTS)
          .withDescription(DomainSeries.WEBHOOK_ATTEMPTS_HELP).build();
  static final Metadata WEBHOOK_LAG =
      Metadata.builder().withName(DomainSeries.WEBHOOK_LAG).withUnit(MetricUnits.SECONDS)
          .withDescription(DomainSeries.WEBHOOK_LAG_HELP).build();

  static final List<String> STEP_TYPES = DomainSeries.STEP_TYPES;
  static final List<String> CHECK_OUTCOMES = DomainSeries.CHECK_OUTCOMES;
  static final List<String> WEBHOOK_OUTCOMES = DomainSeries.WEBHOOK_OUTCOMES;

  static final String NONE = DomainSeries.NONE;

  /** The review queue gauges read these; the expiry job's pass writes them. */
  private final Map<String, AtomicLong[]> reviewQueues = new ConcurrentHashMap<>();

  @Inject MetricRegistry registry;

  /** Creates the bean at start-up, so the usual series exist before the first request. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.getCounters(); // any call instantiates this bean (its @PostConstruct runs)
  }

  @PostConstruct
  void registerUsualSeries() {
    for (String keyType : List.of("web", "sdk", "backend", "generator")) {
      registry.counter(TOKENS_ISSUED, new Tag("key_type", keyType));
    }
    for (String reason : List.of("invalid_request", "forbidden", "unprocessable", "error")) {
      registry.counter(TOKENS_REJECTED, new Tag("reason", reason));
    }
    for (String channel : List.of("api", "hosted")) {
      registry.counter(PROCESSES_STARTED, new Tag("channel", channel));
      registry.counter(PROCESSES_RESUMED, new Tag("channel", channel));
    }
    registry.counter(
        PROCESSES_FINISHED, new Tag("status", "success"), new Tag("failure_status", NONE), new Tag("reason", NONE));
    for (String stepType : STEP_TYPES) {
      for (String outcome : CHECK_OUTCOMES) {
        registry.timer(CHECK_DURATION, new Tag("step_type", stepType), new Tag("outcome", outcome));
      }
      reviewQueueGauges(stepType);
    }
    for (String limit : List.of("per_destination", "per_process", "per_tenant")) {
      registry.counter(OTP_LIMITS_TRIPPED, new Tag("limit", limit));
    }
    for (String outcome : WEBHOOK_OUTCOMES) {
      registry.counter(WEBHOOK_ATTEMPTS, new Tag("outcome", outcome));
    }
    registry.timer(WEBHOOK_LAG);
  }

  @Override
  public void tokenIssued(String keyType) {
    registry.counter(TOKENS_ISSUED, new Tag("key_type", value(keyType))).inc();
  }

  @Override
  public void tokenRejected(String reason) {
    registry.counter(TOKENS_REJECTED, new Tag("reason", value(reason))).inc();
  }

  @Override
  public void processStarted(String channel) {
    registry.counter(PROCESSES_STARTED, new Tag("channel", value(channel))).inc();
  }

  @Override
  public void processResumed(String channel) {
    registry.counter(PROCESSES_RESUMED, new Tag("channel", value(channel))).inc();
  }

  @Override
  public void processFinished(String status, String failureStatus, String reason, long count) {
    List<Tag> tags = new ArrayList<>();
    tags.add(new Tag("status", value(status)));
    tags.add(new Tag("failure_status", value(failureStatus)));
    tags.add(new Tag("reason", value(reason)));
    registry.counter(PROCESSES_FINISHED, tags.toArray(Tag[]::new)).inc(count);
  }

  @Override
  public void otpLimitTripped(String limit) {
    registry.counter(OTP_LIMITS_TRIPPED, new Tag("limit", value(limit))).inc();
  }

  @Override
  public void checkCompleted(String stepType, String outcome, Duration duration) {
    registry.timer(CHECK_DURATION, new Tag("step_type", value(stepType)), new Tag("outcome", value(outcome)))
        .update(duration);
  }

  @Override
  public void reviewQueue(String validationType, long open, long oldestAgeSeconds) {
    AtomicLong[] gauges = reviewQueueGauges(value(validationType));
    gauges[0].set(open);
    gauges[1].set(oldestAgeSeconds);
  }

  @Override
  public void webhookAttempt(String outcome) {
    registry.counter(WEBHOOK_ATTEMPTS, new Tag("outcome", value(outcome))).inc();
  }

  @Override
  public void webhookDelivered(Duration lag) {
    registry.timer(WEBHOOK_LAG).update(lag.isNegative() ? Duration.ZERO : lag);
  }

  /** The two gauges of one validation type, registered on first use; a scrape reads memory only. */
  private AtomicLong[] reviewQueueGauges(String validationType) {
    return reviewQueues.computeIfAbsent(validationType, type -> {
      AtomicLong[] values = {new AtomicLong(), new AtomicLong()};
      Tag tag = new Tag("validation_type", type);
      registry.gauge(REVIEW_QUEUE_OPEN, values[0], AtomicLong::get, tag);
      registry.gauge(REVIEW_QUEUE_OLDEST_AGE, values[1], AtomicLong::get, tag);
      return values;
    });
  }

  /** Prometheus label values may not be empty here: a missing value is {@code none}. */
  private static String value(String v) {
    return v == null || v.isBlank() ? NONE : v;
  }
}
