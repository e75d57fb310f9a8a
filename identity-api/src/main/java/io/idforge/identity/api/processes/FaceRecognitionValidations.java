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
 */
@JsonbPropertyOrder({"similarityStatus", "confidenceScore", "passiveLivenessStatus", "manualReview"})
public record FaceRecognitionValidations(
    @JsonbProperty("similarity_status") String similarityStatus,
    @JsonbProperty("confidence_score") Double confidenceScore,
    @JsonbProperty("passive_liveness_status") String passiveLivenessStatus,
    @JsonbProperty("manual_review") List<ValidationItem> manualReview) {}
