package io.idforge.identity.api.validations;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code instructions} of a validation just created: where the client PUTs its files. Each URL is
 * signed, expires with the validation's timeout, is single use and carries no API key.
 *
 * @param frontUrl {@code front_url}, the document's front (documents)
 * @param reverseUrl {@code reverse_url}, the document's back; absent for passports
 * @param fileUploadLink {@code file_upload_link}, the selfie (faces) or the reference photo (face enrollments)
 */
@JsonbPropertyOrder({"frontUrl", "reverseUrl", "fileUploadLink"})
public record Instructions(
    @JsonbProperty("front_url") String frontUrl,
    @JsonbProperty("reverse_url") String reverseUrl,
    @JsonbProperty("file_upload_link") String fileUploadLink) {}
