package io.idforge.identity.core.domain.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port for the manual review queue; tenant-scoped. */
public interface ReviewTaskRepository {

  void store(ReviewTask task);

  Optional<ReviewTask> find(String clientId, String reviewId);

  /** The open task of a validation, if any. */
  Optional<ReviewTask> findOpenByValidation(String clientId, String validationId);

  /**
   * The open tasks of several validations of one tenant, for a batch (the expiry sweep) that would
   * otherwise ask once per validation. Implementations answer in one query; this default asks
   * {@link #findOpenByValidation} for each.
   */
  default List<ReviewTask> findOpenByValidations(String clientId, Collection<String> validationIds) {
    List<ReviewTask> open = new ArrayList<>();
    for (String id : validationIds) {
      findOpenByValidation(clientId, id).ifPresent(open::add);
    }
    return open;
  }

  /**
   * Tasks of a tenant, oldest first.
   *
   * @param status a {@link ReviewTask.Status} wire value, or null for every status
   * @param validationType a validation type, or null for all
   * @param afterId cursor: only tasks with a larger surrogate id (0 for the first page)
   */
  /** Validation ids of open tasks at or past their deadline (for the expiry job), oldest first. */
  List<String> findOverdueValidationIds(java.time.OffsetDateTime now, int limit);

  /**
   * The open tasks of every tenant grouped by validation type: how many, and the creation time of
   * the oldest. One aggregate query, for the queue gauges; never per tenant on the wire.
   */
  List<OpenQueue> openQueues();

  /** Open review tasks of one validation type across tenants. */
  record OpenQueue(String validationType, long open, java.time.OffsetDateTime oldestCreatedAt) {}

  List<ReviewTask> list(String clientId, String status, String validationType, long afterId, int limit);
}
