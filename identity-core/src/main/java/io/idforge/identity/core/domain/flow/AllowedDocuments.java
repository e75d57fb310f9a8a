package io.idforge.identity.core.domain.flow;

import java.util.List;

/** Document types a document step accepts for one country ({@code ALL} for any country). */
public record AllowedDocuments(String country, List<String> documentTypes) {

  public AllowedDocuments {
    documentTypes = documentTypes == null ? List.of() : List.copyOf(documentTypes);
  }
}
