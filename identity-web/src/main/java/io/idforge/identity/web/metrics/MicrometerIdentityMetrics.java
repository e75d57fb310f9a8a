package io.idforge.identity.web.metrics;

import io.idforge.identity.core.application.port.IdentityMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link IdentityMetrics} on Micrometer, for WildFly (38 ships Micrometer, not MicroProfile
 * Metrics): its micrometer subsystem hands the deployment a {@link MeterRegistry} bean. The same
 * series as {@link MicroProfileIdentityMetrics} under the same names, so the Prometheus text
 * reads {@code identity_tokens_issued_total{key_type="web"}} and the Grafana dashboard works
 * unchanged (without Payara's {@code mp_scope} label; timers export {@code _count}, {@code _sum}
 * and {@code _max}, no quantiles).
 *
 * <p>Where Micrometer is absent (Payara) this class cannot be loaded and CDI skips it; where
 * both exist, MicroProfile Metrics wins (priority 10 over 5); where neither, {@link
 * MetricsUnavailable} stands in.
 */
@ApplicationScoped
@Alternative
@Priority(5)
public class MicrometerIdentityMetrics implements IdentityMetrics {

  private static final String NONE = DomainSeries.NONE;

  private final Map<String, AtomicLong[]> reviewQueues = new ConcurrentHashMap<>();

  @Inject MeterRegistry registry;

  /** Creates the bean at start-up, so the usual series exist before the first request. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.getMeters(); // any call instantiates this bean (its @PostConstruct runs)
  }

  @PostConstruct
  void registerUsualSeries() {
    for (String keyType : DomainSeries.KEY_TYPES) {
      counter(DomainSeries.TOKENS_ISSUED, DomainSeries.TOKENS_ISSUED_HELP,
          Tags.of("key_type", keyType));
    }
    for (String reason : DomainSeries.REJECTION_REASONS) {
      tokensRejected(reason);
    }
    for (String channel : DomainSeries.CHANNELS) {
      started(channel);
      resumed(channel);
    }
    finished("success", NONE, NONE);
    for (String stepType : DomainSeries.STEP_TYPES) {
      for (String outcome : DomainSeries.CHECK_OUTCOMES) {
        checkTimer(stepType, outcome);
      }
      reviewQueueGauges(stepType);
    }
    for (String limit : DomainSeries.OTP_LIMITS) {
      otpLimit(limit);
    }
    for (String outcome : DomainSeries.WEBHOOK_OUTCOMES) {
      webhookAttempts(outcome);
    }
    webhookLag();
  }

  @Override
  public void tokenIssued(String keyType) {
    counter(DomainSeries.TOKENS_ISSUED, DomainSeries.TOKENS_ISSUED_HELP,
        Tags.of("key_type", value(keyType))).increment();
  }

  @Override
  public void tokenRejected(String reason) {
    tokensRejected(value(reason)).increment();
  }

  @Override
  public void processStarted(String channel) {
    started(value(channel)).increment();
  }

  @Override
  public void processResumed(String channel) {
    resumed(value(channel)).increment();
  }

  @Override
  public void processFinished(String status, String failureStatus, String reason, long count) {
    finished(value(status), value(failureStatus), value(reason)).increment(count);
  }

  @Override
  public void otpLimitTripped(String limit) {
    otpLimit(value(limit)).increment();
  }

  @Override
  public void checkCompleted(String stepType, String outcome, Duration duration) {
    checkTimer(value(stepType), value(outcome)).record(duration);
  }

  @Override
  public void reviewQueue(String validationType, long open, long oldestAgeSeconds) {
    AtomicLong[] gauges = reviewQueueGauges(value(validationType));
    gauges[0].set(open);
    gauges[1].set(oldestAgeSeconds);
  }

  @Override
  public void webhookAttempt(String outcome) {
    webhookAttempts(value(outcome)).increment();
  }

  @Override
  public void webhookDelivered(Duration lag) {
    webhookLag().record(lag.isNegative() ? Duration.ZERO : lag);
  }

  private Counter tokensRejected(String reason) {
    return counter(DomainSeries.TOKENS_REJECTED,
        DomainSeries.TOKENS_REJECTED_HELP, Tags.of("reason", reason));
  }

  private Counter started(String channel) {
    return counter(DomainSeries.PROCESSES_STARTED,
        DomainSeries.PROCESSES_STARTED_HELP, Tags.of("channel", channel));
  }

  private Counter resumed(String channel) {
    return counter(DomainSeries.PROCESSES_RESUMED,
        DomainSeries.PROCESSES_RESUMED_HELP, Tags.of("channel", channel));
  }

  private Counter finished(String status, String failureStatus, String reason) {
    return counter(DomainSeries.PROCESSES_FINISHED,
        DomainSeries.PROCESSES_FINISHED_HELP,
        Tags.of("status", status, "failure_status", failureStatus, "reason", reason));
  }

  private Counter otpLimit(String limit) {
    return counter(DomainSeries.OTP_LIMITS_TRIPPED,
        DomainSeries.OTP_LIMITS_TRIPPED_HELP, Tags.of("limit", limit));
  }

  private Counter webhookAttempts(String outcome) {
    return counter(DomainSeries.WEBHOOK_ATTEMPTS,
        DomainSeries.WEBHOOK_ATTEMPTS_HELP, Tags.of("outcome", outcome));
  }

  private Timer checkTimer(String stepType, String outcome) {
    return Timer.builder(DomainSeries.CHECK_DURATION)
        .description(DomainSeries.CHECK_DURATION_HELP)
        .tags("step_type", stepType, "outcome", outcome)
        .register(registry);
  }

  private Timer webhookLag() {
    return Timer.builder(DomainSeries.WEBHOOK_LAG)
        .description(DomainSeries.WEBHOOK_LAG_HELP)
        .register(registry);
  }

  private Counter counter(String name, String description, Tags tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  /** The two gauges of one validation type, registered on first use; a scrape reads memory only. */
  private AtomicLong[] reviewQueueGauges(String validationType) {
    return reviewQueues.computeIfAbsent(validationType, type -> {
      AtomicLong[] values = {new AtomicLong(), new AtomicLong()};
      Tags tag = Tags.of("validation_type", type);
      Gauge.builder(DomainSeries.REVIEW_QUEUE_OPEN, values[0], AtomicLong::get)
          .description(DomainSeries.REVIEW_QUEUE_OPEN_HELP).tags(tag).register(registry);
      Gauge.builder(DomainSeries.REVIEW_QUEUE_OLDEST_AGE, values[1], AtomicLong::get)
          .description(DomainSeries.REVIEW_QUEUE_OLDEST_AGE_HELP).tags(tag).register(registry);
      return values;
    });
  }

  private static String value(String v) {
    return v == null || v.isBlank() ? NONE : v;
  }
}
