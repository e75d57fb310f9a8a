package io.idforge.identity.core.application.port;

import java.time.OffsetDateTime;

/**
 * Database leases that make a periodic job run on one instance at a time when several instances
 * share a database (EJB timers fire on every Payara Micro instance).
 */
public interface JobLeaseRepository {

  /**
   * Takes the lease named {@code job} for {@code owner} until {@code until} if it is free at
   * {@code now} (or already held by {@code owner}).
   *
   * @return true when {@code owner} holds the lease
   */
  boolean tryAcquire(String job, String owner, OffsetDateTime now, OffsetDateTime until);
}
