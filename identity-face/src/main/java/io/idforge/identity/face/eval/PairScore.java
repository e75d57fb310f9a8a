package io.idforge.identity.face.eval;

import java.util.OptionalDouble;

/**
 * What a {@link PairScorer} made of one pair: a descriptor distance, or a failure to acquire a
 * comparable face (counted separately from match errors, as ISO/IEC 19795-1 does).
 *
 * @param distance the descriptor distance (lower = more alike) when both faces were acquired
 * @param failedSide which side had no usable face when {@code distance} is empty, else null
 * @param reason a short technical reason for a failure (e.g. the engine's verdict), else empty
 */
public record PairScore(OptionalDouble distance, Side failedSide, String reason) {

  /** The side on which no comparable face was acquired. */
  public enum Side {
    /** The selfie (left column). */
    LEFT,
    /** The document image (right column). */
    RIGHT,
    /** The engine did not say which side (e.g. a face too small, an unreadable image). */
    UNKNOWN
  }

  public PairScore {
    if (distance.isPresent() == (failedSide != null)) {
      throw new IllegalArgumentException("either a distance or a failed side");
    }
    if (distance.isPresent() && !(distance.getAsDouble() >= 0)) {
      throw new IllegalArgumentException("distance must be >= 0");
    }
  }

  public static PairScore compared(double distance) {
    return new PairScore(OptionalDouble.of(distance), null, "");
  }

  public static PairScore notAcquired(Side side, String reason) {
    return new PairScore(OptionalDouble.empty(), side, reason);
  }

  public boolean acquired() {
    return distance.isPresent();
  }
}
