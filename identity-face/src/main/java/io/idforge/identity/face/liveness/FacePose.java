package io.idforge.identity.face.liveness;

/**
 * Pose and mouth measures of one face from its 68 landmarks (dlib/iBUG numbering). Each is a ratio
 * of landmark distances along the face's own axes (the line through the eye centres and its
 * perpendicular), hence unchanged when a picture is shifted, rotated in its plane or scaled: a
 * photo waved in front of the camera keeps its measures.
 *
 * @param yaw the nose tip's offset from the midpoint of the jaw's ends (points 0 and 16) along the
 *     eye line, in half jaw widths; positive when the nose moves towards the picture's right edge,
 *     which in an unmirrored camera frame is the user's own left. The nose stands in front of the
 *     face, the jaw's ends at its sides, so a head turn moves it first-order (about sin(angle))
 *     while a flat photo turned about a vertical axis keeps it (both sides shrink alike)
 * @param pitch the nose tip's drop below the eye centres as a share of the mouth corners' drop;
 *     smaller when the head tilts back (looking up), larger when it tilts forward
 * @param mouth the inner lips' opening (mean of three vertical gaps) over the inner mouth width
 */
public record FacePose(double yaw, double pitch, double mouth) {

  /** Points in the landmark array. */
  private static final int POINTS = 68;

  /** The measures of a face; {@code landmarks} holds 136 values x0, y0, x1, y1, … */
  public static FacePose of(double[] landmarks) {
    if (landmarks == null || landmarks.length != 2 * POINTS) {
      throw new IllegalArgumentException("68 landmarks expected");
    }
    double[] eyeA = mean(landmarks, 36, 41);
    double[] eyeB = mean(landmarks, 42, 47);
    double ux = eyeB[0] - eyeA[0];
    double uy = eyeB[1] - eyeA[1];
    double eyeDistance = Math.hypot(ux, uy);
    if (eyeDistance < 1e-6) {
      throw new IllegalArgumentException("degenerate landmarks");
    }
    ux /= eyeDistance;
    uy /= eyeDistance;
    // The perpendicular pointing down the face.
    double vx = -uy;
    double vy = ux;
    double[] nose = point(landmarks, 30);
    double[] jawA = point(landmarks, 0);
    double[] jawB = point(landmarks, 16);
    double halfJaw = Math.hypot(jawB[0] - jawA[0], jawB[1] - jawA[1]) / 2;
    double midX = (jawA[0] + jawB[0]) / 2;
    double midY = (jawA[1] + jawB[1]) / 2;
    double yaw = ((nose[0] - midX) * ux + (nose[1] - midY) * uy) / Math.max(halfJaw, 1e-6);

    double eyeMidX = (eyeA[0] + eyeB[0]) / 2;
    double eyeMidY = (eyeA[1] + eyeB[1]) / 2;
    // The mouth corners, not the lips' middle: opening the mouth moves the lower lip, not them.
    double[] cornerA = point(landmarks, 48);
    double[] cornerB = point(landmarks, 54);
    double mouthX = (cornerA[0] + cornerB[0]) / 2;
    double mouthY = (cornerA[1] + cornerB[1]) / 2;
    double noseDrop = (nose[0] - eyeMidX) * vx + (nose[1] - eyeMidY) * vy;
    double mouthDrop = (mouthX - eyeMidX) * vx + (mouthY - eyeMidY) * vy;
    double pitch = noseDrop / Math.max(mouthDrop, 1e-6);

    double gap = (distance(landmarks, 61, 67) + distance(landmarks, 62, 66)
        + distance(landmarks, 63, 65)) / 3;
    double width = Math.max(distance(landmarks, 60, 64), 1e-6);
    return new FacePose(yaw, pitch, gap / width);
  }

  private static double[] point(double[] l, int i) {
    return new double[] {l[2 * i], l[2 * i + 1]};
  }

  private static double[] mean(double[] l, int from, int to) {
    double x = 0;
    double y = 0;
    for (int i = from; i <= to; i++) {
      x += l[2 * i];
      y += l[2 * i + 1];
    }
    int n = to - from + 1;
    return new double[] {x / n, y / n};
  }

  private static double distance(double[] l, int a, int b) {
    return Math.hypot(l[2 * a] - l[2 * b], l[2 * a + 1] - l[2 * b + 1]);
  }
}
