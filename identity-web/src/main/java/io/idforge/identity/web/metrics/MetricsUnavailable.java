package io.idforge.identity.web.metrics;

import io.idforge.identity.core.application.port.IdentityMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The domain counters on a server with neither MicroProfile Metrics nor Micrometer (e.g. a
 * WildFly without its micrometer subsystem): {@link MicroProfileIdentityMetrics} and {@link
 * MicrometerIdentityMetrics} cannot even be loaded there, so this bean stands in and counts
 * nothing, and the log says so once. Where either API exists, its prioritised alternative wins and
 * this bean is never used. No metrics API import here.
 */
@ApplicationScoped
public class MetricsUnavailable implements IdentityMetrics {

  private static final Logger LOG = Logger.getLogger(MetricsUnavailable.class.getName());

  @PostConstruct
  void say() {
    LOG.warning("Domain metrics are OFF: this server has neither MicroProfile Metrics nor Micrometer (identity_* series are not exported)");
  }

  @Override
  public void tokenIssued(String keyType) {}

  @Override
  public void tokenRejected(String reason) {}

  @Override
  public void processStarted(String channel) {}

  @Override
  public void processResumed(String channel) {}

  @Override
  public void processFinished(String status, String failureStatus, String reason, long count) {}

  @Override
  public void otpLimitTripped(String limit) {}

  @Override
  public void checkCompleted(String stepType, String outcome, Duration duration) {}

  @Override
  public void reviewQueue(String validationType, long open, long oldestAgeSeconds) {}

  @Override
  public void webhookAttempt(String outcome) {}

  @Override
  public void webhookDelivered(Duration lag) {}
}
