package io.idforge.identity.api.flows;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The effective {@code config} of a flow step, defaults filled in. Members that do not apply to
 * the step type are null and therefore omitted (e.g. {@code face_threshold} outside
 * face-recognition).
 *
 * @param allowedRetries {@code allowed_retries}
 * @param faceThreshold {@code face_threshold}, face-recognition only
 * @param allowedDocumentTypes {@code allowed_document_types}, null when every document is allowed
 * @param manualReview {@code manual_review}: {@code default}, {@code disabled} or {@code enabled}
 * @param minimumAge {@code minimum_age}, null when not enforced
 * @param livenessType {@code liveness_type}: {@code active} on face steps with active liveness, else absent
 * @param livenessFallback {@code liveness_fallback}, face-recognition steps with active liveness only
 */
@JsonbPropertyOrder({
  "allowedRetries",
  "faceThreshold",
  "allowedDocumentTypes",
  "manualReview",
  "minimumAge",
  "timeout",
  "manualReviewTimeout",
  "livenessType",
  "livenessFallback"
})
public record StepConfigResponse(
    @JsonbProperty("allowed_retries") Integer allowedRetries,
    @JsonbProperty("face_threshold") Double faceThreshold,
    @JsonbProperty("allowed_document_types") List<AllowedDocumentTypes> allowedDocumentTypes,
    @JsonbProperty("manual_review") String manualReview,
    @JsonbProperty("minimum_age") Integer minimumAge,
    @JsonbProperty("timeout") Integer timeout,
    @JsonbProperty("manual_review_timeout") Integer manualReviewTimeout,
    @JsonbProperty("liveness_type") String livenessType,
    @JsonbProperty("liveness_fallback") String livenessFallback) {}
