package io.idforge.identity.face.eval;

import io.idforge.identity.api.spi.FaceEngineException;

/**
 * The face verifier under evaluation, reduced to what the evaluation needs: the distance between
 * the face in the selfie and the face on the document image. Kept this small so that any engine
 * (ours, a candidate replacement, a fake in a test) can be measured with the same protocol.
 */
@FunctionalInterface
public interface PairScorer {

  /**
   * Scores one pair.
   *
   * @param left the selfie bytes (JPEG or PNG)
   * @param right the document image bytes
   * @return a distance, or which side had no comparable face
   * @throws FaceEngineException when the engine itself fails; the evaluation stops
   */
  PairScore score(byte[] left, byte[] right) throws FaceEngineException;
}
