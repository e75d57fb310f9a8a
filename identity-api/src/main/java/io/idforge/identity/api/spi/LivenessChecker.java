package io.idforge.identity.api.spi;

import java.util.List;

/**
 * Port for active liveness: did one live face perform the asked gestures, in the asked order,
 * during a short burst of camera frames? An implementation keeps the frames inside the
 * deployment. Without one, a face step that asks for liveness goes to manual review.
 */
public interface LivenessChecker {

  /** Fewest frames a burst may hold: a neutral pair and two frames per action. */
  int MIN_FRAMES = 6;

  /** Most frames a burst may hold. */
  int MAX_FRAMES = 24;

  /** Frames at the start of a burst in which the user looks straight at the camera. */
  int NEUTRAL_FRAMES = 2;

  /** True when the engine is installed and loaded. */
  boolean isAvailable();

  /**
   * Judges a burst. Frame layout (the contract with the capturing page): the first {@link
   * #NEUTRAL_FRAMES} show the user looking straight; the rest are split evenly, in order, into
   * one turn per asked action, each captured while that action was asked for.
   *
   * @param frames JPEG or PNG frames, {@link #MIN_FRAMES}..{@link #MAX_FRAMES}
   * @param asked the actions the server asked for, in order (two or three)
   * @throws FaceEngineException when the engine itself fails
   */
  LivenessReport check(List<byte[]> frames, List<LivenessAction> asked) throws FaceEngineException;
}
