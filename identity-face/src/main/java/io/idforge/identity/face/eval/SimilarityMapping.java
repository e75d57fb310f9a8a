package io.idforge.identity.face.eval;

/**
 * The contract's distance-to-similarity scale (see {@code FaceComparison.similarity}): piecewise
 * linear, monotone, clamped to [0, 1]; similarity 0.65 (the flow's default threshold) is distance
 * 0.55, similarity 0 is any distance from 1.10 up.
 *
 * <p>A copy kept here so that the evaluation builds before the engine stream's {@code
 * io.idforge.identity.face.engine.SimilarityScale} is merged; once it is, this class delegates to
 * it (or goes away). {@code SimilarityMappingTest} pins the contract's values so the two cannot
 * drift apart unnoticed.
 */
public final class SimilarityMapping {

  /** The distance at which similarity reaches the default threshold 0.65. */
  public static final double KNEE_DISTANCE = 0.55;

  /** The similarity at {@link #KNEE_DISTANCE}. */
  public static final double KNEE_SIMILARITY = 0.65;

  /** Distances from here up all map to similarity 0. */
  public static final double ZERO_DISTANCE = 1.10;

  private SimilarityMapping() {}

  public static double similarity(double distance) {
    if (Double.isNaN(distance) || distance < 0) {
      throw new IllegalArgumentException("distance must be >= 0: " + distance);
    }
    if (distance <= KNEE_DISTANCE) {
      return 1 - (1 - KNEE_SIMILARITY) * distance / KNEE_DISTANCE;
    }
    if (distance < ZERO_DISTANCE) {
      return KNEE_SIMILARITY * (ZERO_DISTANCE - distance) / (ZERO_DISTANCE - KNEE_DISTANCE);
    }
    return 0;
  }

  /**
   * The largest distance whose similarity is at least {@code similarity}, i.e. the distance
   * threshold equivalent to a similarity threshold. Similarity 0 maps to 1.10 (every larger
   * distance also scores 0, which a similarity threshold of 0 accepts too).
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
