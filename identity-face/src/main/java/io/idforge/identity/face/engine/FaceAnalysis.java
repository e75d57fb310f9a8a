package io.idforge.identity.face.engine;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine made of one picture: the chosen face and its descriptor, or why there is none.
 *
 * @param outcome {@link Outcome#FACE} when {@code descriptor} is usable
 * @param facesFound faces the detector reported (after non-maximum suppression)
 * @param face the chosen face, absent when none was chosen
 * @param descriptor the 128-D dlib descriptor (copy on access), null unless {@code FACE}
 * @param sharpness variance of the Laplacian of the aligned chip's luma; NaN when not measured
 * @param detail a short technical note for logs and reviewers (never personal data)
 */
public record FaceAnalysis(
    Outcome outcome, int facesFound, Optional<FaceBox> face, float[] descriptor,
    double sharpness, String detail) {

  /** Why a picture did or did not yield a face to compare. */
  public enum Outcome {
    /** One usable face; {@code descriptor} is set. */
    FACE,
    /** The detector found no face. */
    NO_FACE,
    /** A selfie with more than one face above the size floor. */
    MULTIPLE_FACES,
    /** The chosen face is below the pixel floor for its role. */
    TOO_SMALL,
    /** The aligned face is too blurred to describe reliably. */
    UNCLEAR,
    /** The bytes are no decodable JPEG, PNG or WEBP. */
    UNREADABLE
  }

  public FaceAnalysis {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(face, "face");
    Objects.requireNonNull(detail, "detail");
    if ((outcome == Outcome.FACE) != (descriptor != null)) {
      throw new IllegalArgumentException("a descriptor comes with outcome FACE, and only then");
    }
    descriptor = descriptor == null ? null : descriptor.clone();
  }

  @Override
  public float[] descriptor() {
    return descriptor == null ? null : descriptor.clone();
  }

  /** True when a descriptor is present. */
  public boolean usable() {
    return outcome == Outcome.FACE;
  }

  /** Euclidean distance between the two descriptors; both analyses must be usable. */
  public double distanceTo(FaceAnalysis other) {
    if (!usable() || !other.usable()) {
      throw new IllegalStateException("distance needs two usable faces");
    }
    return FaceEngine.distance(descriptor, other.descriptor);
  }

  static FaceAnalysis without(Outcome outcome, int faces, FaceBox face, double sharpness,
      String detail) {
    return new FaceAnalysis(outcome, faces, Optional.ofNullable(face), null, sharpness, detail);
  }

  @Override
  public String toString() {
    // No descriptor values: they are biometric data.
    return "FaceAnalysis[" + outcome + ", faces=" + facesFound + ", " + detail + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FaceAnalysis a && outcome == a.outcome && facesFound == a.facesFound
        && face.equals(a.face) && Arrays.equals(descriptor, a.descriptor)
        && Double.compare(sharpness, a.sharpness) == 0 && detail.equals(a.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, facesFound, face, Arrays.hashCode(descriptor), detail);
  }
}
