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
   * The processes come back {@linkplain IdentityProcess#claimed not managed}: the caller stores
   * what changed with {@link #writeSwept} in the same transaction. Call it in a transaction of its
   * own with nothing else pending (the sweep's batch), so the claim sees the table as it is.
   */
  List<IdentityProcess> claimOverdue(OffsetDateTime now, int limit, Collection<Long> excluded);

  /**
   * Writes what the engine changed on processes of {@link #claimOverdue} (outcome and reason,
   * deadline, grace extensions, update time) in one batch of one statement, and bumps their
   * version so a stale copy held elsewhere fails its optimistic check instead of overwriting.
   */
  void writeSwept(List<IdentityProcess> swept);

  /** The process with this surrogate id, locked for update. */
  Optional<IdentityProcess> lock(long id);

  void store(IdentityProcess process);
}
