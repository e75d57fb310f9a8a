package io.idforge.identity.face.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The documented anchors of the distance-to-similarity contract. */
class SimilarityScaleTest {

  @Test
  void anchors() {
    assertEquals(1.0, SimilarityScale.similarity(0), 1e-12);
    assertEquals(0.65, SimilarityScale.similarity(0.50), 1e-12);
    assertEquals(0.65 * 0.4 / 0.5, SimilarityScale.similarity(0.6), 1e-12); // dlib's LFW point
    assertEquals(0.52, SimilarityScale.similarity(0.6), 1e-9);
    assertEquals(1 - 0.35 * 0.3 / 0.50, SimilarityScale.similarity(0.3), 1e-12);
    assertEquals(0.0, SimilarityScale.similarity(1.00), 1e-12);
    assertEquals(0.0, SimilarityScale.similarity(2.5), 1e-12);
  }

  @Test
  void theDefaultThresholdAcceptsExactlyDistancesUpTo050() {
    assertTrue(SimilarityScale.similarity(0.50) >= 0.65);
    assertTrue(SimilarityScale.similarity(0.5000001) < 0.65);
  }

  @Test
  void monotoneAndInRange() {
    double previous = 2;
    for (double d = 0; d <= 1.5; d += 0.001) {
      double s = SimilarityScale.similarity(d);
      assertTrue(s >= 0 && s <= 1);
      assertTrue(s <= previous, "not monotone at " + d);
      previous = s;
    }
  }

  @Test
  void distanceInvertsSimilarity() {
    for (double d = 0; d < 0.995; d += 0.01) {
      assertEquals(d, SimilarityScale.distance(SimilarityScale.similarity(d)), 1e-9);
    }
    assertEquals(0.50, SimilarityScale.distance(0.65), 1e-12);
    assertEquals(1.00, SimilarityScale.distance(0), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> SimilarityScale.distance(1.5));
    assertThrows(IllegalArgumentException.class, () -> SimilarityScale.similarity(Double.NaN));
  }
}
