package io.idforge.identity.core.domain.review;

/** Port for the manual review queue (reading and deciding tasks comes with the admin UI). */
public interface ReviewTaskRepository {

  void store(ReviewTask task);
}
