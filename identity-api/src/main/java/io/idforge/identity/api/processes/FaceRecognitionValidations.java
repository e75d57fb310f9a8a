package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code details.face_recognition_validations} of a face-recognition validation.
 *
 * @param similarityStatus {@code similarity_status}: success or failure
 * @param confidenceScore {@code confidence_score}, 0..1
 * @param passiveLivenessStatus {@code passive_liveness_status}: success or failure
 * @param livenessStatus {@code liveness_status} (active liveness): success, failure or pending
 *     (a single selfie waiting for review); absent when the step asks for no liveness
 * @param actionsStatus {@code actions_status}: the asked actions in order with their outcome
 * @param manualReview {@code manual_review}: reviewers' decisions
 */
@JsonbPropertyOrder({
  "similarityStatus",
  "confidenceScore",
  "passiveLivenessStatus",
  "livenessStatus",
  "actionsStatus",
  "manualReview"
})
public record FaceRecognitionValidations(
    @JsonbProperty("similarity_status") String similarityStatus,
    @JsonbProperty("confidence_score") Double confidenceScore,
    @JsonbProperty("passive_liveness_status") String passiveLivenessStatus,
    @JsonbProperty("liveness_status") String livenessStatus,
    @JsonbProperty("actions_status") List<ActionStatus> actionsStatus,
    @JsonbProperty("manual_review") List<ValidationItem> manualReview) {}
