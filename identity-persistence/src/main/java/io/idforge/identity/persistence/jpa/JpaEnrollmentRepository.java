package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.enrollment.Enrollment;
import io.idforge.identity.core.domain.enrollment.EnrollmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA adapter for enrollments. */
@ApplicationScoped
public class JpaEnrollmentRepository implements EnrollmentRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Optional<Enrollment> find(String clientId, String enrollmentId) {
    return em.createQuery(
            "SELECT e FROM Enrollment e WHERE e.clientId = :client AND e.enrollmentId = :id", Enrollment.class)
        .setParameter("client", clientId)
        .setParameter("id", enrollmentId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Enrollment> findById(String enrollmentId) {
    // Uses uq_enrollment_enrollment_id.
    return em.createQuery("SELECT e FROM Enrollment e WHERE e.enrollmentId = :id", Enrollment.class)
        .setParameter("id", enrollmentId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Enrollment> listByAccount(String clientId, String accountId, int limit) {
    // Uses ix_enrollment_account.
    return em.createQuery(
            "SELECT e FROM Enrollment e WHERE e.clientId = :client AND e.accountId = :account ORDER BY e.id DESC",
            Enrollment.class)
        .setParameter("client", clientId)
        .setParameter("account", accountId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void store(Enrollment enrollment) {
    em.persist(enrollment);
  }
}
