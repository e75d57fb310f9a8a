package io.idforge.identity.core.domain.validation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port for validations; tenant-scoped except for the jobs' and the check runner's lookups. */
public interface ValidationRepository {

  /** The validations of one process in step order (oldest attempt first within a step). */
  List<Validation> listByProcess(String clientId, String processId);

  /**
   * The validations of several processes in one read, for the expiry sweep (across tenants, like
   * its claim): grouped by the caller, each process's in step order as {@link #listByProcess}.
   */
  List<Validation> listByProcesses(Collection<String> processIds);

  Optional<Validation> find(String clientId, String validationId);

  /** A validation by its public id across tenants: for the check runner and upload links only. */
  Optional<Validation> findById(String validationId);

  /** The validation with this surrogate id, locked for update (standalone validations). */
  Optional<Validation> lock(long id);

  /** An account's validations, newest first, before the surrogate id {@code beforeId}. */
  List<Validation> listByAccount(String clientId, String accountId, long beforeId, int limit);

  /** Public ids of running checks past their due time, most overdue first. */
  List<String> findChecksDue(OffsetDateTime now, int limit);

  /** Public ids of checks that were running before {@code updatedBefore} (resumed at start-up). */
  List<String> findChecking(OffsetDateTime updatedBefore, int limit);

  /** Public ids of standalone validations still waiting for input past their due time, oldest due first. */
  List<String> findStandaloneInputDue(OffsetDateTime now, int limit);

  void store(Validation validation);
}
