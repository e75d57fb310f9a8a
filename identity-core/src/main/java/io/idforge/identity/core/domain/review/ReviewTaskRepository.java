package io.idforge.identity.core.domain.review;

import java.util.List;
import java.util.Optional;

/** Port for the manual review queue; tenant-scoped. */
public interface ReviewTaskRepository {

  void store(ReviewTask task);

  Optional<ReviewTask> find(String clientId, String reviewId);

  /** The open task of a validation, if any. */
  Optional<ReviewTask> findOpenByValidation(String clientId, String validationId);

  /**
   * Tasks of a tenant, oldest first.
   *
   * @param status a {@link ReviewTask.Status} wire value, or null for every status
   * @param validationType a validation type, or null for all
   * @param afterId cursor: only tasks with a larger surrogate id (0 for the first page)
   */
  /** Validation ids of open tasks at or past their deadline (for the expiry job), oldest first. */
  List<String> findOverdueValidationIds(java.time.OffsetDateTime now, int limit);

  List<ReviewTask> list(String clientId, String status, String validationType, long afterId, int limit);
}
