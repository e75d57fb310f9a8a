package io.idforge.identity.core.domain.event;

import java.util.List;

/** Port for the event log; append-only. */
public interface EventRepository {

  void append(ProcessEvent event);

  /**
   * Appends {@code events} in their order, in the caller's transaction, as {@link #append} does one
   * by one; an adapter may write them in one batch without managing them (the expiry sweep's 200
   * terminal events a transaction). Each event's {@link ProcessEvent#sequence()} is set on return.
   */
  default void appendAll(List<ProcessEvent> events) {
    events.forEach(this::append);
  }

  /** The events of one process, in the order they happened. */
  List<ProcessEvent> listByProcess(String clientId, String processId);

  /** The events of one validation, in the order they happened. */
  List<ProcessEvent> listByValidation(String clientId, String validationId);
}
