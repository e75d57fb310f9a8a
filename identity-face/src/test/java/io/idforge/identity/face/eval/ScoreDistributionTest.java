package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoreDistributionTest {

  private static final double EPS = 1e-12;

  @Test
  void percentilesInterpolateBetweenClosestRanksLikeR7() {
    // Unsorted on purpose; sorted: 1, 2, 3, 4, 10.
    ScoreDistribution d = new ScoreDistribution(new double[] {4, 1, 10, 3, 2});
    assertEquals(1, d.min(), EPS);
    assertEquals(10, d.max(), EPS);
    assertEquals(1, d.percentile(0), EPS);
    assertEquals(3, d.percentile(50), EPS);
    assertEquals(2, d.percentile(25), EPS);
    // h = 4 * 0.9 = 3.6 -> 4 + 0.6 * (10 - 4)
    assertEquals(7.6, d.percentile(90), EPS);
    // h = 4 * 0.01 = 0.04 -> 1 + 0.04 * 1
    assertEquals(1.04, d.percentile(1), EPS);
    assertEquals(10, d.percentile(100), EPS);
  }

  @Test
  void aSingleScoreIsEveryPercentile() {
    ScoreDistribution d = new ScoreDistribution(new double[] {0.42});
    assertEquals(0.42, d.percentile(1), EPS);
    assertEquals(0.42, d.percentile(99), EPS);
  }

  @Test
  void histogramCountsPerBinAndClampsOutliersIntoTheEndBins() {
    ScoreDistribution d = new ScoreDistribution(new double[] {-1, 0, 0.05, 0.1, 0.19, 0.2, 5});
    // bins [0,0.1) [0.1,0.2) ; -1 -> first, 0.2 and 5 -> last
    assertArrayEquals(new int[] {3, 4}, d.histogram(0, 0.2, 2));
  }

  @Test
  void rejectsNanScoresAndEmptyQueries() {
    assertThrows(IllegalArgumentException.class, () -> new ScoreDistribution(new double[] {Double.NaN}));
    ScoreDistribution empty = new ScoreDistribution(new double[0]);
    assertThrows(IllegalStateException.class, () -> empty.percentile(50));
    assertThrows(IllegalArgumentException.class,
        () -> new ScoreDistribution(new double[] {1}).percentile(101));
  }
}
