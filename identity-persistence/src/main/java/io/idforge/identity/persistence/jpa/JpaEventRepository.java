package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.event.EventRepository;
import io.idforge.identity.core.domain.event.ProcessEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** JPA adapter for the event log. */
@ApplicationScoped
public class JpaEventRepository implements EventRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public void append(ProcessEvent event) {
    em.persist(event);
  }

  @Override
  public List<ProcessEvent> listByProcess(String clientId, String processId) {
    // Uses ix_process_event_process.
    return em.createQuery(
            "SELECT e FROM ProcessEvent e WHERE e.clientId = :client AND e.processId = :process ORDER BY e.id",
            ProcessEvent.class)
        .setParameter("client", clientId)
        .setParameter("process", processId)
        .getResultList();
  }

  @Override
  public List<ProcessEvent> listByValidation(String clientId, String validationId) {
    // Uses ix_process_event_validation.
    return em.createQuery(
            "SELECT e FROM ProcessEvent e WHERE e.clientId = :client AND e.validationId = :validation ORDER BY e.id",
            ProcessEvent.class)
        .setParameter("client", clientId)
        .setParameter("validation", validationId)
        .getResultList();
  }
}
