package io.idforge.identity.core.domain.validation;

import java.util.List;

/** Port for validations. */
public interface ValidationRepository {

  /** The validations of one process in step order (oldest attempt first within a step). */
  List<Validation> listByProcess(String clientId, String processId);

  void store(Validation validation);
}
