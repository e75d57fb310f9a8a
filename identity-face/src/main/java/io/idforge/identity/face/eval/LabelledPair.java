package io.idforge.identity.face.eval;

import java.util.Optional;

/**
 * One row of {@code pairs.csv}. By convention {@code left} is the selfie (the live capture) and
 * {@code right} the identity-document image, the order of {@code FaceMatcher.compare}: engines
 * treat the two sides differently (e.g. several faces are an error only in the selfie).
 *
 * @param left path of the selfie, relative to the pairs folder ({@code /} separators)
 * @param right path of the document image, relative to the pairs folder
 * @param label whether both show the same person
 * @param subject optional free-text subject key (e.g. a pseudonymous volunteer number), only
 *     echoed in per-pair output; empty when the column is absent or blank
 */
public record LabelledPair(String left, String right, Label label, Optional<String> subject) {

  public LabelledPair {
    requirePath(left, "left");
    requirePath(right, "right");
    if (label == null || subject == null) {
      throw new IllegalArgumentException("label and subject are required (subject may be empty)");
    }
  }

  private static void requirePath(String path, String side) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(side + " path is empty");
    }
    if (path.contains(",") || path.contains("\"")) {
      throw new IllegalArgumentException(side + " path must not contain ',' or '\"': " + path);
    }
  }
}
