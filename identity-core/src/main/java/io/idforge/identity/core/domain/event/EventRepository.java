package io.idforge.identity.core.domain.event;

import java.util.List;

/** Port for the event log; append-only. */
public interface EventRepository {

  void append(ProcessEvent event);

  /** The events of one process, in the order they happened. */
  List<ProcessEvent> listByProcess(String clientId, String processId);

  /** The events of one validation, in the order they happened. */
  List<ProcessEvent> listByValidation(String clientId, String validationId);
}
