package io.idforge.identity.face.engine;

/**
 * The documented mapping between the engine's descriptor distance and {@code
 * FaceComparison.similarity}: piecewise linear, monotone, clamped to [0, 1].
 *
 * <pre>
 *   d &lt;= 0.50        s = 1 - 0.35 * d / 0.50     (d = 0 -> 1, d = 0.50 -> 0.65)
 *   0.50 &lt; d &lt; 1.00  s = 0.65 * (1.00 - d) / 0.50
 *   d >= 1.00        s = 0
 * </pre>
 *
 * A flow threshold of 0.65 (Truora's default) therefore accepts exactly d &lt;= 0.50, stricter than
 * dlib's own LFW threshold 0.6 (which maps to 0.52): a false match lets an impostor through, so
 * the default leans to false non-matches, which a retry or a manual review can recover. On the
 * synthetic set (docs/face-evaluation.md) 0.50 is the first round distance with no false match;
 * the feasibility probe's worst impostor was 0.557 and its operating point 0.55.
 */
public final class SimilarityScale {

  /** The distance that maps to similarity 0.65. */
  public static final double KNEE_DISTANCE = 0.50;

  /** The similarity at {@link #KNEE_DISTANCE}. */
  public static final double KNEE_SIMILARITY = 0.65;

  /** Distances from here on map to 0. */
  public static final double ZERO_DISTANCE = 1.00;

  private SimilarityScale() {}

  /** The similarity of two faces whose descriptors are {@code distance} apart. */
  public static double similarity(double distance) {
    if (Double.isNaN(distance)) {
      throw new IllegalArgumentException("distance is NaN");
    }
    double d = Math.max(0, distance);
    double s;
    if (d <= KNEE_DISTANCE) {
      s = 1 - (1 - KNEE_SIMILARITY) * d / KNEE_DISTANCE;
    } else if (d < ZERO_DISTANCE) {
      s = KNEE_SIMILARITY * (ZERO_DISTANCE - d) / (ZERO_DISTANCE - KNEE_DISTANCE);
    } else {
      s = 0;
    }
    return Math.min(1, Math.max(0, s));
  }

  /**
   * The distance at which {@link #similarity} reaches {@code similarity}: the inverse on (0, 1];
   * similarity 0 gives {@link #ZERO_DISTANCE}, the smallest distance mapping to 0.
   */
  public static double distance(double similarity) {
    if (!(similarity >= 0 && similarity <= 1)) {
      throw new IllegalArgumentException("similarity must be within [0, 1]: " + similarity);
    }
    if (similarity >= KNEE_SIMILARITY) {
      return (1 - similarity) * KNEE_DISTANCE / (1 - KNEE_SIMILARITY);
    }
    return ZERO_DISTANCE - similarity * (ZERO_DISTANCE - KNEE_DISTANCE) / KNEE_SIMILARITY;
  }
}
