package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The {@code details} of a validation; which members are set depends on the validation type
 * (document-validation: the first three; face-recognition: the last).
 *
 * @param backgroundCheck {@code background_check}
 * @param documentDetails {@code document_details}
 * @param documentValidations {@code document_validations}
 * @param faceRecognitionValidations {@code face_recognition_validations}
 */
@JsonbPropertyOrder({
  "backgroundCheck",
  "documentDetails",
  "documentValidations",
  "faceRecognitionValidations"
})
public record ValidationDetails(
    @JsonbProperty("background_check") BackgroundCheck backgroundCheck,
    @JsonbProperty("document_details") DocumentDetails documentDetails,
    @JsonbProperty("document_validations") DocumentValidations documentValidations,
    @JsonbProperty("face_recognition_validations")
        FaceRecognitionValidations faceRecognitionValidations) {}
