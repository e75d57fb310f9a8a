package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** JPA adapter for review tasks. */
@ApplicationScoped
public class JpaReviewTaskRepository implements ReviewTaskRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public void store(ReviewTask task) {
    em.persist(task);
  }
}
