package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** JPA adapter for validations. */
@ApplicationScoped
public class JpaValidationRepository implements ValidationRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public List<Validation> listByProcess(String clientId, String processId) {
    // Uses ix_validation_process.
    return em.createQuery(
            "SELECT v FROM Validation v WHERE v.clientId = :client AND v.processId = :process"
                + " ORDER BY v.stepIndex, v.id",
            Validation.class)
        .setParameter("client", clientId)
        .setParameter("process", processId)
        .getResultList();
  }

  @Override
  public void store(Validation validation) {
    em.persist(validation);
  }
}
