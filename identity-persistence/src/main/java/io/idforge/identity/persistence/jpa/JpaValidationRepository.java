package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
  public List<Validation> listByProcesses(Collection<String> processIds) {
    if (processIds.isEmpty()) {
      return List.of();
    }
    // Uses ix_validation_process (process_id, step_index, id): one index probe per id.
    return em.createQuery(
            "SELECT v FROM Validation v WHERE v.processId IN :processes ORDER BY v.processId, v.stepIndex, v.id",
            Validation.class)
        .setParameter("processes", processIds)
        .getResultList();
  }

  @Override
  public Optional<Validation> find(String clientId, String validationId) {
    return em.createQuery(
            "SELECT v FROM Validation v WHERE v.clientId = :client AND v.validationId = :validation", Validation.class)
        .setParameter("client", clientId)
        .setParameter("validation", validationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Validation> findById(String validationId) {
    return em.createQuery("SELECT v FROM Validation v WHERE v.validationId = :validation", Validation.class)
        .setParameter("validation", validationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Validation> lock(long id) {
    em.flush(); // as JpaProcessRepository.lock: a row persisted in this transaction must be found
    return Optional.ofNullable(em.find(Validation.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<Validation> listByAccount(String clientId, String accountId, long beforeId, int limit) {
    // Uses ix_validation_account, newest first.
    return em.createQuery(
            "SELECT v FROM Validation v WHERE v.clientId = :client AND v.accountId = :account AND v.id < :before"
                + " ORDER BY v.id DESC",
            Validation.class)
        .setParameter("client", clientId)
        .setParameter("account", accountId)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<String> findChecksDue(OffsetDateTime now, int limit) {
    // Uses ix_validation_checking.
    return em.createQuery(
            "SELECT v.validationId FROM Validation v WHERE v.state = 'checking' AND v.checkDueAt <= :now"
                + " ORDER BY v.checkDueAt",
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<String> findStandaloneInputDue(OffsetDateTime now, int limit) {
    // Uses ix_validation_input_due.
    return em.createQuery(
            "SELECT v.validationId FROM Validation v WHERE v.state = 'awaiting_input' AND v.inputDueAt <= :now"
                + " ORDER BY v.inputDueAt",
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<String> findChecking(OffsetDateTime updatedBefore, int limit) {
    return em.createQuery(
            "SELECT v.validationId FROM Validation v WHERE v.state = 'checking' AND v.updatedAt < :before ORDER BY v.id",
            String.class)
        .setParameter("before", updatedBefore)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void store(Validation validation) {
    em.persist(validation);
  }
}
