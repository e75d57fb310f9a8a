package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Pins the contract's scale (notes/face-contract.md) so this copy and the engine's agree. */
class SimilarityMappingTest {

  private static final double EPS = 1e-12;

  @Test
  void contractPoints() {
    assertEquals(1.0, SimilarityMapping.similarity(0), EPS);
    assertEquals(0.65, SimilarityMapping.similarity(0.55), EPS);
    assertEquals(0.325, SimilarityMapping.similarity(0.825), EPS);
    assertEquals(0.0, SimilarityMapping.similarity(1.10), EPS);
    assertEquals(0.0, SimilarityMapping.similarity(3), EPS);
    // dlib's LFW threshold 0.6 -> 0.591 (the contract rounds 0.65 * 0.5 / 0.55)
    assertEquals(0.591, SimilarityMapping.similarity(0.6), 5e-4);
  }

  @Test
  void inverseRoundTripsBelowTheClamp() {
    for (double d = 0; d < 1.10; d += 0.01) {
      assertEquals(d, SimilarityMapping.distance(SimilarityMapping.similarity(d)), 1e-9);
    }
    assertEquals(0.55, SimilarityMapping.distance(0.65), EPS);
    assertEquals(1.10, SimilarityMapping.distance(0), EPS);
    assertThrows(IllegalArgumentException.class, () -> SimilarityMapping.distance(1.2));
    assertThrows(IllegalArgumentException.class, () -> SimilarityMapping.similarity(-0.1));
  }
}
