package io.idforge.identity.face.engine;

/**
 * The 150×150 chip the dlib descriptor expects, from 68 landmarks: eye centres are the means of
 * points 36-41 and 42-47, the mouth centre the mean of 48-67; the chip's side is the mean
 * eye-to-mouth distance / 0.45, the mean of the three centres sits at (0.5, 0.43) of the chip, and
 * the chip is rotated so the eyes are level. Levelling the eyes mattered in the probe: with an
 * axis-aligned crop the worst impostor distance fell from 0.544 to 0.493.
 */
final class FaceAligner {

  static final int SIZE = 150;
  static final double EYE_MOUTH_FRACTION = 0.45;
  static final double CENTRE_X = 0.5;
  static final double CENTRE_Y = 0.43;

  private FaceAligner() {}

  /** The affine map from chip pixels to picture pixels. */
  static Affine chip(double[] landmarks) {
    double[] left = mean(landmarks, 36, 41);
    double[] right = mean(landmarks, 42, 47);
    double[] mouth = mean(landmarks, 48, 67);
    double eyeMouth = (Math.hypot(mouth[0] - left[0], mouth[1] - left[1])
        + Math.hypot(mouth[0] - right[0], mouth[1] - right[1])) / 2;
    double side = Math.max(1, Math.floor(eyeMouth / EYE_MOUTH_FRACTION));
    double cx = (left[0] + right[0] + mouth[0]) / 3;
    double cy = (left[1] + right[1] + mouth[1]) / 3;
    double angle = Math.atan2(right[1] - left[1], right[0] - left[0]);
    return Affine.rotated(cx, cy, angle, side / SIZE, CENTRE_X * SIZE, CENTRE_Y * SIZE);
  }

  /** The mean point of landmarks {@code from}..{@code to} inclusive. */
  static double[] mean(double[] landmarks, int from, int to) {
    double x = 0;
    double y = 0;
    for (int i = from; i <= to; i++) {
      x += landmarks[2 * i];
      y += landmarks[2 * i + 1];
    }
    int n = to - from + 1;
    return new double[] {x / n, y / n};
  }
}
