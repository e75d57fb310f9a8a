package io.idforge.identity.face.eval;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.api.spi.FaceMatcher;
import io.idforge.identity.face.engine.SimilarityScale;

/**
 * Evaluates any implementation of the {@link FaceMatcher} port: its similarity is mapped back to
 * a distance with {@link SimilarityScale#distance}. That inverse is exact for distances below
 * 1.00; every larger distance has similarity 0 and comes back as 1.00, which changes no error rate
 * at any threshold an operator can configure (similarity 0 accepts everything anyway). An engine
 * that exposes raw distances can implement {@link PairScorer} directly instead.
 */
public final class FaceMatcherScorer implements PairScorer {

  private final FaceMatcher matcher;

  public FaceMatcherScorer(FaceMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public PairScore score(byte[] left, byte[] right) throws FaceEngineException {
    FaceComparison c = matcher.compare(left, right);
    String reason = c.verdict().name();
    return switch (c.verdict()) {
      case COMPARED -> PairScore.compared(SimilarityScale.distance(c.similarity()));
      case NO_FACE_IN_SELFIE, MULTIPLE_FACES_IN_SELFIE -> PairScore.notAcquired(
          PairScore.Side.LEFT, reason);
      case NO_FACE_ON_DOCUMENT, DOCUMENT_FACE_UNCLEAR -> PairScore.notAcquired(PairScore.Side.RIGHT, reason);
      case FACE_TOO_SMALL, UNREADABLE_IMAGE -> PairScore.notAcquired(
          PairScore.Side.UNKNOWN, reason);
    };
  }
}
