package io.idforge.identity.web.rest.reviews;

import io.idforge.identity.api.reviews.ReviewResponse;
import io.idforge.identity.core.domain.review.ReviewTask;

/** Review tasks on the wire. */
final class ReviewMapper {

  private ReviewMapper() {}

  static ReviewResponse toResponse(ReviewTask t) {
    return new ReviewResponse(
        t.reviewId(), t.processId(), t.validationId(), t.validationType(), t.reason(), t.status(), t.claimedBy(),
        t.claimedAt(), t.decision(), t.decisionReason(), t.decidedBy(), t.note(), t.createdAt(), t.dueAt(),
        t.decidedAt());
  }
}
