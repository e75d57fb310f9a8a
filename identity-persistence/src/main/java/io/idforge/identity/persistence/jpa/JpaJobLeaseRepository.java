package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.application.port.JobLeaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** Leases as one portable bulk update on a row per job (no database-specific locking needed). */
@ApplicationScoped
public class JpaJobLeaseRepository implements JobLeaseRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean tryAcquire(String job, String owner, OffsetDateTime now, OffsetDateTime until) {
    int updated =
        em.createQuery(
                "UPDATE JobLease l SET l.owner = :owner, l.lockedUntil = :until"
                    + " WHERE l.name = :job AND (l.lockedUntil < :now OR l.owner = :owner)")
            .setParameter("owner", owner)
            .setParameter("until", until)
            .setParameter("job", job)
            .setParameter("now", now)
            .executeUpdate();
    if (updated == 1) {
      return true;
    }
    if (em.find(JobLease.class, job) == null) {
      // A job added after the migration that seeded the leases: create its row, free.
      em.persist(new JobLease(job, now.minusSeconds(1)));
      em.flush();
    }
    return false;
  }
}
