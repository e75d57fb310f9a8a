package io.idforge.identity.core.domain.flow;

/** One step of a flow version: the validator it runs and its settings. */
public record FlowStep(String stepId, StepType type, StepConfig config) {

  public FlowStep {
    if (type == null) {
      throw new IllegalArgumentException("a flow step needs a type");
    }
    config = config == null ? StepConfig.defaults() : config;
  }
}
