package io.idforge.identity.core.application;

import io.idforge.identity.core.document.CheckItem;
import io.idforge.identity.core.document.DocumentData;
import java.util.List;

/**
 * What inspecting one document attempt found: the data read from it, the result items per group
 * (Truora's {@code data_consistency}, {@code image_analysis}, {@code government_database}) and the
 * first failing reason, if any.
 *
 * @param failure the catalogue code that fails the attempt, or null when every check passed
 * @param extractionOff true when nothing could be read because no extraction engine (OCR) is
 *     installed for this document: a state for manual review, never a pass
 */
public record DocumentInspection(
    DocumentData data,
    String bloodType,
    String machineReadable,
    List<CheckItem> imageAnalysis,
    List<CheckItem> dataConsistency,
    List<CheckItem> governmentDatabase,
    String failure,
    boolean extractionOff) {

  public DocumentInspection {
    imageAnalysis = List.copyOf(imageAnalysis);
    dataConsistency = List.copyOf(dataConsistency);
    governmentDatabase = List.copyOf(governmentDatabase);
  }

  public boolean passed() {
    return failure == null && !extractionOff;
  }
}
