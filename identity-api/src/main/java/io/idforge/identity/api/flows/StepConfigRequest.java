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
 */
@JsonbPropertyOrder({
  "allowedRetries",
  "faceThreshold",
  "allowedDocumentTypes",
  "manualReview",
  "minimumAge"
})
public record StepConfigRequest(
    @JsonbProperty("allowed_retries") Integer allowedRetries,
    @JsonbProperty("face_threshold") Double faceThreshold,
    @JsonbProperty("allowed_document_types") List<AllowedDocumentTypes> allowedDocumentTypes,
    @JsonbProperty("manual_review") String manualReview,
    @JsonbProperty("minimum_age") Integer minimumAge) {}
