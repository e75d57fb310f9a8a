package io.idforge.identity.core.application.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per endpoint, in memory on each node: after {@code breaker.failures}
 * consecutive failed attempts the endpoint is skipped for {@code breaker.open-for}, then one
 * attempt probes it. MicroProfile Fault Tolerance's {@code @CircuitBreaker} keeps one breaker per
 * method, so on the shared sender a single dead receiver would open it for every tenant; this
 * keeps the breaking per endpoint (the sender still has FT's {@code @Timeout}). Losing the state
 * on restart costs at most a few extra attempts.
 */
@ApplicationScoped
public class EndpointBreakers {

  private record State(int failures, Instant openUntil) {}

  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

  @Inject WebhookSettings settings;

  @Inject Clock clock;

  /** When the endpoint may be called again, or null when it may be called now. */
  public Instant openUntil(String endpointId) {
    State s = states.get(endpointId);
    return s == null || s.openUntil() == null || !clock.instant().isBefore(s.openUntil()) ? null : s.openUntil();
  }

  public void succeeded(String endpointId) {
    states.remove(endpointId);
  }

  public void failed(String endpointId) {
    states.compute(endpointId, (id, s) -> {
      int failures = (s == null ? 0 : s.failures()) + 1;
      Instant open = failures >= settings.breakerFailures() ? clock.instant().plus(settings.breakerOpenFor()) : null;
      return new State(failures, open);
    });
  }
}
