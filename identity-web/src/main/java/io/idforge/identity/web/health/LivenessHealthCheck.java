package io.idforge.identity.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code identity-service}: the application is deployed and its CDI container answers. Liveness
 * deliberately checks no dependency: a database outage must take the instance out of rotation
 * (readiness), not make Kubernetes restart it in a loop.
 */
@Liveness
@ApplicationScoped
public class LivenessHealthCheck implements HealthCheck {

  static final String NAME = "identity-service";

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME).up().build();
  }
}
