package io.idforge.identity.face.engine;

import java.util.Optional;

/**
 * The engine's view of one frame of a liveness burst: how many faces it shows and, for the largest
 * one, its 68 landmarks and descriptor. No sharpness gate: a frame taken during a head turn may
 * be soft, and the frame compared with the document is gated separately.
 *
 * @param faces faces at least {@link FaceEngine#COMPANION_FACE_SHARE} as wide as the largest
 *     (a second person, or a photo held up beside the face, counts; a tiny face far behind does not)
 * @param face the largest face, absent when none or when it is below the selfie floor
 * @param landmarks 136 values x0, y0, … in frame pixels, null without a face
 * @param descriptor the 128-D descriptor of the face, null without a face
 */
public record FrameFace(int faces, Optional<FaceBox> face, double[] landmarks, float[] descriptor) {

  /** A frame without a usable face. */
  static FrameFace none(int faces) {
    return new FrameFace(faces, Optional.empty(), null, null);
  }

  /** True when the frame has a face with landmarks and a descriptor. */
  public boolean usable() {
    return face.isPresent();
  }

  @Override
  public String toString() {
    // No landmark or descriptor values: they are biometric data.
    return "FrameFace[faces=" + faces + ", " + (usable() ? "face" : "no usable face") + "]";
  }
}
