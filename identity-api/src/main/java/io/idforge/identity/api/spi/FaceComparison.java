package io.idforge.identity.api.spi;

/**
 * What a {@link FaceMatcher} found.
 *
 * @param verdict whether a comparison could be made, and if not why
 * @param similarity in [0, 1] when {@code verdict} is {@link Verdict#COMPARED}, else 0; the
 *     mapping from the engine's distance to this scale is the engine's documented contract, so
 *     that a flow's threshold (Truora's default 0.65) means something measurable
 * @param detail a short technical note for reviewers (never personal data)
 */
public record FaceComparison(Verdict verdict, double similarity, String detail) {

  /** The outcomes a face engine can report. */
  public enum Verdict {
    /** Exactly one usable face on each side; {@code similarity} is meaningful. */
    COMPARED,
    /** No face in the selfie (catalogue {@code no_face_detected}). */
    NO_FACE_IN_SELFIE,
    /** No portrait found on the document front (catalogue {@code face_not_detected}). */
    NO_FACE_ON_DOCUMENT,
    /**
     * A portrait was found on the document but is too small or too blurred to compare (catalogue
     * {@code face_not_clear}).
     */
    DOCUMENT_FACE_UNCLEAR,
    /** More than one face in the selfie. */
    MULTIPLE_FACES_IN_SELFIE,
    /** A face was found but is too small or unclear to compare. */
    FACE_TOO_SMALL,
    /** An image could not be decoded. */
    UNREADABLE_IMAGE
  }

  public FaceComparison {
    if (similarity < 0 || similarity > 1) {
      throw new IllegalArgumentException("similarity must be within [0, 1]");
    }
  }
}
