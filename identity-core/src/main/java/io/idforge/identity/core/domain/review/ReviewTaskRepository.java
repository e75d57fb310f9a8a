package io.idforge.identity.core.domain.review;

import java.util.List;
import java.util.Optional;

/** Port for the manual review queue. */
public interface ReviewTaskRepository {

  Optional<ReviewTask> find(String clientId, String reviewId);

  List<ReviewTask> listOpen(String clientId, long beforeId, int limit);

  void store(ReviewTask task);
}
