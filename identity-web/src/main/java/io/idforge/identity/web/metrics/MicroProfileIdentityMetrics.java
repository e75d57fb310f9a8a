package io.idforge.identity.web.metrics;

import io.idforge.identity.core.application.port.IdentityMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link IdentityMetrics} on the application's {@link MetricRegistry}. In Prometheus text the
 * counters read {@code identity_tokens_issued_total{key_type="web",mp_scope="application"}} and
 * so on (docs/grafana-dashboard.json charts them). The usual series are registered at zero on
 * start, so a rate is defined before the first event.
 */
@ApplicationScoped
public class MicroProfileIdentityMetrics implements IdentityMetrics {

  static final Metadata TOKENS_ISSUED =
      Metadata.builder().withName("identity.tokens.issued")
          .withDescription("Tokens and keys issued by POST /v1/api-keys, by key_type").build();
  static final Metadata TOKENS_REJECTED =
      Metadata.builder().withName("identity.tokens.rejected")
          .withDescription("POST /v1/api-keys answered with an error, by reason (error family)").build();
  static final Metadata PROCESSES_STARTED =
      Metadata.builder().withName("identity.processes.started")
          .withDescription("Processes created by the first open of a web token, by channel (api, hosted)").build();
  static final Metadata PROCESSES_RESUMED =
      Metadata.builder().withName("identity.processes.resumed")
          .withDescription("Reopenings of a process already started, by channel (api, hosted)").build();
  static final Metadata PROCESSES_FINISHED =
      Metadata.builder().withName("identity.processes.finished")
          .withDescription("Processes that reached success or failure, by status, failure_status and reason").build();

  static final Metadata OTP_LIMITS_TRIPPED =
      Metadata.builder().withName("identity.otp.limits.tripped")
          .withDescription("One-time-code sends refused by a limit (per_destination, per_process, per_tenant): alert on any").build();

  static final String NONE = "none";

  @Inject MetricRegistry registry;

  /** Creates the bean at start-up, so the usual series exist before the first request. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.getCounters(); // any call instantiates this bean (its @PostConstruct runs)
  }

  @PostConstruct
  void registerUsualSeries() {
    for (String keyType : List.of("web", "sdk", "backend")) {
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
  public void processFinished(String status, String failureStatus, String reason) {
    List<Tag> tags = new ArrayList<>();
    tags.add(new Tag("status", value(status)));
    tags.add(new Tag("failure_status", value(failureStatus)));
    tags.add(new Tag("reason", value(reason)));
    registry.counter(PROCESSES_FINISHED, tags.toArray(Tag[]::new)).inc();
  }

  @Override
  public void otpLimitTripped(String limit) {
    registry.counter(OTP_LIMITS_TRIPPED, new Tag("limit", value(limit))).inc();
  }

  /** Prometheus label values may not be empty here: a missing value is {@code none}. */
  private static String value(String v) {
    return v == null || v.isBlank() ? NONE : v;
  }
}
