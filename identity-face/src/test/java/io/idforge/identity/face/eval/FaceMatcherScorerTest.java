package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceComparison.Verdict;
import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.api.spi.FaceMatcher;
import org.junit.jupiter.api.Test;

class FaceMatcherScorerTest {

  private static PairScore scoreWith(FaceComparison answer) throws FaceEngineException {
    FaceMatcher matcher =
        new FaceMatcher() {
          @Override
          public boolean isAvailable() {
            return true;
          }

          @Override
          public String name() {
            return "fixed";
          }

          @Override
          public FaceComparison compare(byte[] selfie, byte[] documentFront) {
            return answer;
          }
        };
    return new FaceMatcherScorer(matcher).score(new byte[0], new byte[0]);
  }

  @Test
  void similarityIsMappedBackToTheDistance() throws FaceEngineException {
    assertEquals(0.50, scoreWith(new FaceComparison(Verdict.COMPARED, 0.65, "")).distance()
        .getAsDouble(), 1e-12);
    // Similarity 0 stands for every distance from 1.00 up.
    assertEquals(1.00, scoreWith(new FaceComparison(Verdict.COMPARED, 0, "")).distance()
        .getAsDouble(), 1e-12);
  }

  @Test
  void verdictsWithoutAComparisonNameTheSide() throws FaceEngineException {
    assertEquals(PairScore.Side.LEFT,
        scoreWith(new FaceComparison(Verdict.MULTIPLE_FACES_IN_SELFIE, 0, "")).failedSide());
    assertEquals(PairScore.Side.LEFT,
        scoreWith(new FaceComparison(Verdict.NO_FACE_IN_SELFIE, 0, "")).failedSide());
    assertEquals(PairScore.Side.RIGHT,
        scoreWith(new FaceComparison(Verdict.NO_FACE_ON_DOCUMENT, 0, "")).failedSide());
    PairScore small = scoreWith(new FaceComparison(Verdict.FACE_TOO_SMALL, 0, ""));
    assertEquals(PairScore.Side.UNKNOWN, small.failedSide());
    assertFalse(small.acquired());
    assertEquals("FACE_TOO_SMALL", small.reason());
  }
}
