package io.idforge.identity.core.application.steps;

import io.idforge.identity.core.application.CheckInputs;
import io.idforge.identity.core.engine.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Routes a deferred check to the handler of its step type. */
@ApplicationScoped
public class StepChecks {

  @Inject DocumentStepHandler documents;

  @Inject FaceStepHandler faces;

  public CheckResult run(CheckInputs inputs) {
    return switch (inputs.type()) {
      case DOCUMENT_VALIDATION -> documents.check(inputs);
      case FACE_RECOGNITION -> faces.check(inputs);
      default -> throw new IllegalArgumentException(inputs.type() + " is checked when its code is typed");
    };
  }
}
