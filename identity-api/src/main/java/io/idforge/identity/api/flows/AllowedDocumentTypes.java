package io.idforge.identity.api.flows;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The documents a document-validation step accepts for one country, as in Truora's {@code
 * allowed_document_types[{country, document_types}]}. Used in requests and answers.
 *
 * @param country ISO-3166 alpha-2 upper case, or {@code ALL}
 * @param documentTypes wire values of {@link io.idforge.identity.api.apikeys.DocumentType}
 */
@JsonbPropertyOrder({"country", "documentTypes"})
public record AllowedDocumentTypes(
    @JsonbProperty("country") String country,
    @JsonbProperty("document_types") List<String> documentTypes) {}
