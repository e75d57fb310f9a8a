package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** JPA adapter for review tasks. */
@ApplicationScoped
public class JpaReviewTaskRepository implements ReviewTaskRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public void store(ReviewTask task) {
    em.persist(task);
  }

  @Override
  public Optional<ReviewTask> find(String clientId, String reviewId) {
    return em.createQuery(
            "SELECT t FROM ReviewTask t WHERE t.clientId = :client AND t.reviewId = :review", ReviewTask.class)
        .setParameter("client", clientId)
        .setParameter("review", reviewId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ReviewTask> findOpenByValidation(String clientId, String validationId) {
    // Uses ix_review_task_validation.
    return em.createQuery(
            "SELECT t FROM ReviewTask t WHERE t.clientId = :client AND t.validationId = :validation"
                + " AND t.status = 'open'",
            ReviewTask.class)
        .setParameter("client", clientId)
        .setParameter("validation", validationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ReviewTask> findOpenByValidations(String clientId, java.util.Collection<String> validationIds) {
    if (validationIds.isEmpty()) {
      return List.of();
    }
    // Uses ix_review_task_validation; one statement for a sweep's batch (at most its batch size
    // of pending validations), not one per validation.
    return em.createQuery(
            "SELECT t FROM ReviewTask t WHERE t.clientId = :client AND t.validationId IN :validations"
                + " AND t.status = 'open'",
            ReviewTask.class)
        .setParameter("client", clientId)
        .setParameter("validations", validationIds)
        .getResultList();
  }

  @Override
  public List<String> findOverdueValidationIds(java.time.OffsetDateTime now, int limit) {
    // Uses ix_review_task_open_due (status, due_at): every tenant, every tick.
    return em.createQuery(
            "SELECT t.validationId FROM ReviewTask t WHERE t.status = 'open' AND t.dueAt <= :now ORDER BY t.dueAt",
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<OpenQueue> openQueues() {
    // One row per validation type; open tasks are few (they expire at their deadline), and
    // ix_review_task_open_type (status, validation_type, created_at) keeps decided ones out of it.
    List<Object[]> rows =
        em.createQuery(
                "SELECT t.validationType, COUNT(t), MIN(t.createdAt) FROM ReviewTask t WHERE t.status = 'open'"
                    + " GROUP BY t.validationType",
                Object[].class)
            .getResultList();
    return rows.stream()
        .map(r -> new OpenQueue((String) r[0], ((Number) r[1]).longValue(), oldest(r[2])))
        .toList();
  }

  /** MIN over an OffsetDateTime column: EclipseLink may answer a Timestamp, Hibernate the mapped type. */
  private static java.time.OffsetDateTime oldest(Object value) {
    if (value instanceof java.time.OffsetDateTime t) {
      return t;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.time.LocalDateTime t) {
      return t.atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant t) {
      return t.atOffset(java.time.ZoneOffset.UTC);
    }
    return null;
  }

  @Override
  public List<ReviewTask> list(String clientId, String status, String validationType, long afterId, int limit) {
    // Uses ix_review_task_queue (client_id, status, id): oldest first.
    StringBuilder jpql = new StringBuilder("SELECT t FROM ReviewTask t WHERE t.clientId = :client AND t.id > :after");
    if (status != null) {
      jpql.append(" AND t.status = :status");
    }
    if (validationType != null) {
      jpql.append(" AND t.validationType = :type");
    }
    jpql.append(" ORDER BY t.id");
    TypedQuery<ReviewTask> q =
        em.createQuery(jpql.toString(), ReviewTask.class).setParameter("client", clientId).setParameter("after", afterId);
    if (status != null) {
      q.setParameter("status", status);
    }
    if (validationType != null) {
      q.setParameter("type", validationType);
    }
    return q.setMaxResults(limit).getResultList();
  }
}
