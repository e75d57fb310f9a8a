package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.validation.Validation;
import java.util.List;

/** A process with what the result API shows beside it: its validations and its flow version. */
public record ProcessView(IdentityProcess process, List<Validation> validations, FlowDefinition flow) {

  public ProcessView {
    validations = List.copyOf(validations);
  }
}
