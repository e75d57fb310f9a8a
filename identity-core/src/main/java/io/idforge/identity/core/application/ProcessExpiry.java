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

/**
 * Ends processes that ran out of time through the engine ({@link ProcessEngine#expire}).
 * Idempotent: a process that is no longer pending or overdue is left alone, so the job and a
 * concurrent read (or two instances) cannot expire one process twice.
 */
@Stateless
public class ProcessExpiry {

  @Inject ProcessRepository processes;

  @Inject ProcessRecords records;

  @Inject ProcessEngine engine;

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
