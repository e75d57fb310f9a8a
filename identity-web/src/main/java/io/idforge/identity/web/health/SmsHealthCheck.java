package io.idforge.identity.web.health;

import io.idforge.identity.api.spi.SmsSender;
import io.idforge.identity.web.outbound.SmsSenders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code sms}: whether an SMS gateway is configured, and which sender ({@code twilio}, {@code log}
 * or {@code none}). Always UP and never a probe message: a text costs money and reaches a person.
 */
@Readiness
@ApplicationScoped
public class SmsHealthCheck implements HealthCheck {

  static final String NAME = "sms";

  @Inject SmsSenders sms;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME)
        .up()
        .withData("configured", sms.isConfigured())
        .withData("sender", sms.sender().map(SmsSender::name).orElse("none"))
        .build();
  }
}
