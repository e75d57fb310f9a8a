package io.idforge.identity.core.domain.flow;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a tenant says a flow is: name, status, lifetime of its processes and ordered steps. Each
 * change of definition produces a new immutable {@link FlowVersion}.
 *
 * @param timeToLiveMinutes how long a token and its process live, 1..1440 (Truora default 120)
 */
public record FlowDefinition(String name, boolean enabled, int timeToLiveMinutes, List<FlowStep> steps) {

  public static final int DEFAULT_TTL_MINUTES = 120;
  public static final int MAX_TTL_MINUTES = 1440;

  public FlowDefinition {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a flow needs a name");
    }
    if (timeToLiveMinutes < 1 || timeToLiveMinutes > MAX_TTL_MINUTES) {
      throw new IllegalArgumentException("time_to_live must be between 1 and " + MAX_TTL_MINUTES);
    }
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("a flow needs at least one step");
    }
    steps = List.copyOf(steps);
    Set<StepType> seen = new HashSet<>();
    for (FlowStep step : steps) {
      if (!seen.add(step.type())) {
        throw new IllegalArgumentException("a flow runs each validator once; " + step.type().wireValue() + " repeats");
      }
    }
  }
}
