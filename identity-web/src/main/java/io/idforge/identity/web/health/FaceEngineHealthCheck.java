package io.idforge.identity.web.health;

import io.idforge.identity.api.spi.FaceMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code face-engine}: {@code on}, {@code loading} (UP: the models are still loading after
 * start-up, and requests that need them wait for them), {@code off} ({@code identity.face.enabled=false}: selfies wait
 * in manual review, by choice) or {@code failed} (enabled, but no engine is installed or its models
 * did not load). Only {@code failed} is DOWN: a rollout whose engine broke stops at the old
 * instances instead of sending every selfie to review. Asked through the {@link FaceMatcher} port.
 */
@Readiness
@ApplicationScoped
public class FaceEngineHealthCheck implements HealthCheck {

  static final String NAME = "face-engine";

  @Inject Instance<FaceMatcher> matchers;

  @Inject
  @ConfigProperty(name = "identity.face.enabled", defaultValue = "true")
  boolean enabled;

  @Override
  public HealthCheckResponse call() {
    EngineState state = state(enabled, matchers.isResolvable() ? matchers.get() : null);
    var b = HealthCheckResponse.named(NAME).status(state != EngineState.FAILED).withData("state", state.wire());
    if (state == EngineState.ON) {
      b.withData("engine", matchers.get().name());
    }
    return b.build();
  }

  static EngineState state(boolean enabled, FaceMatcher matcher) {
    if (!enabled) {
      return EngineState.OFF;
    }
    if (matcher != null && matcher.isLoading()) {
      return EngineState.LOADING; // asked first: isAvailable() would wait for the load to end
    }
    return matcher != null && matcher.isAvailable() ? EngineState.ON : EngineState.FAILED;
  }
}
