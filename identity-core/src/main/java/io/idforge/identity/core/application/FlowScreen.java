package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.validation.Validation;

/**
 * What the hosted flow shows right now: the process, the step it is on and that step's current
 * validation (null once the process has finished), the destination a one-time code goes to when
 * the token preset it, and a notice for the user (a reason code or message key, or null).
 */
public record FlowScreen(
    ProcessView process, FlowStep step, Validation validation, String presetDestination, String notice) {

  public boolean finished() {
    return !process.process().isPending();
  }

  /**
   * The flow asks for the data authorization and the user has not answered yet: the welcome
   * screen comes before the first step, and no step takes input until then.
   */
  public boolean consentNeeded() {
    return !finished() && process.flow().asksConsent() && process.process().consentGiven() == null;
  }

  public int stepNumber() {
    return process.process().currentStepIndex() + 1;
  }

  public int stepCount() {
    return process.flow().steps().size();
  }
}
