package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code details.document_validations} of a document validation: the individual checks, grouped
 * by family. Disabled checks appear with {@code result: skipped}.
 *
 * @param dataConsistency {@code data_consistency}
 * @param governmentDatabase {@code government_database}
 * @param imageAnalysis {@code image_analysis}
 * @param photocopyAnalysis {@code photocopy_analysis}
 * @param photoOfPhoto {@code photo_of_photo}
 * @param manualAnalysis {@code manual_analysis}
 * @param manualReview {@code manual_review}
 */
@JsonbPropertyOrder({
  "dataConsistency",
  "governmentDatabase",
  "imageAnalysis",
  "photocopyAnalysis",
  "photoOfPhoto",
  "manualAnalysis",
  "manualReview"
})
public record DocumentValidations(
    @JsonbProperty("data_consistency") List<ValidationItem> dataConsistency,
    @JsonbProperty("government_database") List<ValidationItem> governmentDatabase,
    @JsonbProperty("image_analysis") List<ValidationItem> imageAnalysis,
    @JsonbProperty("photocopy_analysis") List<ValidationItem> photocopyAnalysis,
    @JsonbProperty("photo_of_photo") List<ValidationItem> photoOfPhoto,
    @JsonbProperty("manual_analysis") List<ValidationItem> manualAnalysis,
    @JsonbProperty("manual_review") List<ValidationItem> manualReview) {}
