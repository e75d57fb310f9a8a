package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.application.port.FirstStartLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** The lock is the {@code first-start} row of {@code job_lease} (V24), read FOR UPDATE. */
@ApplicationScoped
public class JpaFirstStartLock implements FirstStartLock {

  static final String ROW = "first-start";

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public void hold() {
    if (em.find(JobLease.class, ROW, LockModeType.PESSIMISTIC_WRITE) == null) {
      throw new IllegalStateException("job_lease has no '" + ROW + "' row (migration V24)");
    }
  }
}
