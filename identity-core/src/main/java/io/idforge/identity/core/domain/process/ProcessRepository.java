package io.idforge.identity.core.domain.process;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port for identity processes; tenant-scoped except for the jobs' claim query. */
public interface ProcessRepository {

  Optional<IdentityProcess> find(String clientId, String processId);

  Optional<IdentityProcess> findByJti(String jti);

  List<IdentityProcess> list(String clientId, ProcessQuery query, long beforeId, int limit);

  /** Surrogate ids of pending processes past their deadline, oldest deadline first. */
  List<Long> findOverdueIds(OffsetDateTime now, int limit);

  /**
   * Claims up to {@code limit} pending processes past their deadline for this transaction, oldest
   * deadline first: locked for update, skipping rows another transaction holds (on PostgreSQL two
   * sweepers get disjoint rows), never one of {@code excluded} (rows that failed on their own).
   */
  List<IdentityProcess> lockOverdue(OffsetDateTime now, int limit, Collection<Long> excluded);

  /** The process with this surrogate id, locked for update. */
  Optional<IdentityProcess> lock(long id);

  void store(IdentityProcess process);
}
