package io.idforge.identity.api.flows;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The optional {@code config} of a step in a {@link FlowRequest}; null members take the defaults
 * documented on {@link FlowRequest}. Validated by {@link FlowRequest#validate()}.
 *
 * @param allowedRetries {@code allowed_retries}, 0..4
 * @param faceThreshold {@code face_threshold}, 0..1, face-recognition only
 * @param allowedDocumentTypes {@code allowed_document_types}, document-validation only
 * @param manualReview {@code manual_review}: {@code default}, {@code disabled} or {@code
 *     enabled}; document-validation and face-recognition only
 * @param minimumAge {@code minimum_age}, 0..120; document-validation and face-recognition only
 * @param timeout {@code timeout}: seconds a check may run before the grace rule (Truora's
 *     validation timeout; 300 by default, at most 600 for codes and 21600 for documents and faces)
 * @param manualReviewTimeout {@code manual_review_timeout}: seconds a manual review may wait
 *     (21600 by default, at most 604800)
 * @param livenessType {@code liveness_type}: {@code none} (default) or {@code active} (the
 *     selfie is a recorded burst of server-chosen actions); face-recognition only
 * @param livenessFallback {@code liveness_fallback}: what a single selfie gets on an active step
 *     (a browser that cannot record): {@code manual_review} (default) or {@code decline}
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
public record StepConfigRequest(
    @JsonbProperty("allowed_retries") Integer allowedRetries,
    @JsonbProperty("face_threshold") Double faceThreshold,
    @JsonbProperty("allowed_document_types") List<AllowedDocumentTypes> allowedDocumentTypes,
    @JsonbProperty("manual_review") String manualReview,
    @JsonbProperty("minimum_age") Integer minimumAge,
    @JsonbProperty("timeout") Integer timeout,
    @JsonbProperty("manual_review_timeout") Integer manualReviewTimeout,
    @JsonbProperty("liveness_type") String livenessType,
    @JsonbProperty("liveness_fallback") String livenessFallback) {}
