package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.event.EventRepository;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A process's timeline, read from the event log the engine writes in every transition's
 * transaction: what happened, in order, who caused it and a snapshot of the object after it. The
 * operator console and webhooks read the same rows.
 */
@Stateless
public class ProcessEventsService {

  @Inject ProcessRepository processes;

  @Inject EventRepository events;

  /** The events of one of the tenant's processes, oldest first; another tenant's id is a 404. */
  public List<ProcessEvent> timeline(Caller caller, String processId) {
    caller.requireBackend();
    processes.find(caller.clientId(), processId).orElseThrow(() -> new NotFoundException("Resource not found"));
    return events.listByProcess(caller.clientId(), processId);
  }
}
