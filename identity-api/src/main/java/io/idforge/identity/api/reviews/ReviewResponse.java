package io.idforge.identity.api.reviews;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One manual review task ({@code REV…}): a validation waiting for a human.
 *
 * @param reason why the validation is here (a catalogue code, or {@code face_matching_off})
 * @param status {@code open}, {@code decided}, {@code expired} or {@code canceled}
 * @param decision {@code approved} or {@code declined} once decided
 * @param declinedReason the catalogued reason a reviewer gave when declining
 * @param dueDate the deadline; past it the task can no longer be decided and the process expires
 *     {@code manual_review_expired}
 */
@JsonbPropertyOrder({
  "reviewId", "processId", "validationId", "validationType", "reason", "status", "claimedBy", "claimDate",
  "decision", "declinedReason", "decidedBy", "note", "creationDate", "dueDate", "decisionDate"
})
public record ReviewResponse(
    @JsonbProperty("review_id") String reviewId,
    @JsonbProperty("process_id") String processId,
    @JsonbProperty("validation_id") String validationId,
    @JsonbProperty("validation_type") String validationType,
    @JsonbProperty("reason") String reason,
    @JsonbProperty("status") String status,
    @JsonbProperty("claimed_by") String claimedBy,
    @JsonbProperty("claim_date") OffsetDateTime claimDate,
    @JsonbProperty("decision") String decision,
    @JsonbProperty("declined_reason") String declinedReason,
    @JsonbProperty("decided_by") String decidedBy,
    @JsonbProperty("note") String note,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("due_date") OffsetDateTime dueDate,
    @JsonbProperty("decision_date") OffsetDateTime decisionDate) {}
