package io.idforge.identity.web.health;

import io.idforge.identity.web.outbound.EmailSenders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code smtp}: whether an SMTP gateway is configured. Always UP and never a probe message: a
 * channel without a gateway is shown to users as unavailable (a supported mode), a test e-mail
 * would reach a real mailbox, and an invalid configuration already fails the deployment.
 */
@Readiness
@ApplicationScoped
public class SmtpHealthCheck implements HealthCheck {

  static final String NAME = "smtp";

  @Inject EmailSenders email;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME).up().withData("configured", email.isConfigured()).build();
  }
}
