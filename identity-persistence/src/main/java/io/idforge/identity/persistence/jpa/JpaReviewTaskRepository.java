package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA adapter for review tasks. */
@ApplicationScoped
public class JpaReviewTaskRepository implements ReviewTaskRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Optional<ReviewTask> find(String clientId, String reviewId) {
    return em.createQuery(
            "SELECT r FROM ReviewTask r WHERE r.clientId = :client AND r.reviewId = :review", ReviewTask.class)
        .setParameter("client", clientId)
        .setParameter("review", reviewId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ReviewTask> listOpen(String clientId, long beforeId, int limit) {
    // Uses ix_review_task_queue.
    return em.createQuery(
            "SELECT r FROM ReviewTask r WHERE r.clientId = :client AND r.status = 'open' AND r.id < :before"
                + " ORDER BY r.id DESC",
            ReviewTask.class)
        .setParameter("client", clientId)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void store(ReviewTask task) {
    em.persist(task);
  }
}
