package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Ends processes that ran out of time through the engine ({@link ProcessEngine#expire}).
 * Idempotent: a process that is no longer pending or overdue is left alone, so the job and a
 * concurrent read (or two instances) cannot expire one process twice. The sweep expires a batch
 * per transaction ({@link #expireBatch}); {@link #expireById} is the one-process path for a
 * batch that failed, and for reads.
 */
@Stateless
public class ProcessExpiry {

  @Inject ProcessRepository processes;

  @Inject ProcessRecords records;

  @Inject ProcessEngine engine;

  /** What one batch did: rows claimed (locked) and processes expired among them. */
  public record Batch(int claimed, int expired) {}

  /**
   * Claims up to {@code limit} overdue processes with {@code FOR UPDATE SKIP LOCKED} and runs
   * each through the engine in this one transaction: one terminal event per expired process, its
   * webhook deliveries and metrics, all written at commit (statement batching). The claim reads
   * only the columns the decision and the event need, and the processes' new state is written in
   * one JDBC batch ({@link ProcessRepository#writeSwept}) rather than by the persistence context's
   * change detection at commit. A process whose
   * checks still run gets its grace period instead, as on the one-process path. If anything
   * fails the whole batch rolls back and the caller retries its processes one by one.
   *
   * @param excluded surrogate ids that failed on their own and are left out of batches
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Batch expireBatch(OffsetDateTime now, int limit, Collection<Long> excluded) {
    List<IdentityProcess> claimed = processes.claimOverdue(now, limit, excluded);
    if (claimed.isEmpty()) {
      return new Batch(0, 0);
    }
    ProcessEngine at = engine.at(now);
    List<ProcessRecord> batch = records.ofLocked(claimed, "system");
    int expired = 0;
    for (ProcessRecord r : batch) {
      if (at.expire(r)) {
        expired++;
      }
    }
    // Every claimed process was overdue, so the engine either expired it or extended its deadline.
    processes.writeSwept(claimed);
    records.saveAll(batch);
    return new Batch(claimed.size(), expired);
  }

  /**
   * Expires one process by surrogate id in its own transaction, locking the row first.
   *
   * @return true when the process was expired by this call
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean expireById(long id, OffsetDateTime now) {
    IdentityProcess process = processes.lock(id).orElse(null);
    if (process == null || !process.isOverdue(now)) {
      return false;
    }
    ProcessRecord r = records.lock(process, "system");
    boolean expired = engine.at(now).expire(r);
    records.save(r);
    return expired;
  }
}
