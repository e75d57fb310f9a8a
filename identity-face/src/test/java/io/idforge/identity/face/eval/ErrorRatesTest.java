package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.face.eval.ErrorRates.EqualErrorRate;
import io.idforge.identity.face.eval.ErrorRates.OperatingPoint;
import io.idforge.identity.face.eval.ErrorRates.Rate;
import io.idforge.identity.face.eval.ErrorRates.ThresholdChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRatesTest {

  private static final double EPS = 1e-12;

  // Overlapping: genuine 0.1 .. 0.4, impostor 0.35 .. 0.7.
  private final ErrorRates overlap =
      new ErrorRates(new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {0.35, 0.5, 0.6, 0.7});

  @Test
  void acceptanceIsDistanceAtMostTheThreshold() {
    assertEquals(new Rate(1, 4), overlap.falseMatch(0.35));
    assertEquals(new Rate(1, 4), overlap.falseNonMatch(0.35));
    assertEquals(new Rate(0, 4), overlap.falseMatch(0.3499));
    assertEquals(new Rate(0, 4), overlap.falseNonMatch(0.4));
    assertEquals(new Rate(4, 4), overlap.falseNonMatch(0.05));
  }

  @Test
  void rocHasOneRowPerThresholdInOrder() {
    List<OperatingPoint> roc = overlap.roc(new double[] {0.0, 0.45, 1.0});
    assertEquals(3, roc.size());
    assertEquals(new OperatingPoint(0.0, new Rate(0, 4), new Rate(4, 4)), roc.get(0));
    assertEquals(new OperatingPoint(0.45, new Rate(1, 4), new Rate(0, 4)), roc.get(1));
    assertEquals(new OperatingPoint(1.0, new Rate(4, 4), new Rate(0, 4)), roc.get(2));
  }

  @Test
  void thresholdForZeroFmrIsTheLargestScoreBelowTheFirstImpostor() {
    ThresholdChoice c = overlap.thresholdForFmr(0.0).orElseThrow();
    assertEquals(0.3, c.point().distanceThreshold(), EPS);
    assertEquals(new Rate(0, 4), c.point().falseMatch());
    assertEquals(new Rate(1, 4), c.point().falseNonMatch());
    assertEquals(0.35, c.nextImpostor(), EPS);
  }

  @Test
  void thresholdForAQuarterFmrAllowsOneImpostor() {
    ThresholdChoice c = overlap.thresholdForFmr(0.25).orElseThrow();
    assertEquals(0.4, c.point().distanceThreshold(), EPS);
    assertEquals(new Rate(1, 4), c.point().falseMatch());
    assertEquals(new Rate(0, 4), c.point().falseNonMatch());
    assertEquals(0.5, c.nextImpostor(), EPS);
    // Every impostor allowed: the most permissive threshold is the largest impostor.
    ThresholdChoice all = overlap.thresholdForFmr(1.0).orElseThrow();
    assertEquals(0.7, all.point().distanceThreshold(), EPS);
    assertTrue(Double.isInfinite(all.nextImpostor()));
  }

  @Test
  void eerWhereTheRatesMeetExactly() {
    // At 0.35: FMR 1/4, FNMR 1/4.
    EqualErrorRate e = overlap.equalErrorRate().orElseThrow();
    assertEquals(0.25, e.rate(), EPS);
    assertEquals(0.35, e.distanceThreshold(), EPS);
  }

  @Test
  void eerIsInterpolatedWhenTheRatesCrossBetweenThresholds() {
    // genuine 0.1, 0.3 ; impostor 0.2, 0.4. At 0.1: FMR 0, FNMR 1/2. At 0.2: FMR 1/2, FNMR 1/2.
    // -> equal at 0.2 exactly; make it cross instead with 3 impostors:
    // genuine 0.1, 0.3 ; impostor 0.2, 0.25, 0.4. At 0.1: FMR 0, FNMR .5 (diff -.5).
    // At 0.2: FMR 1/3, FNMR .5 (diff -1/6). At 0.25: FMR 2/3, FNMR .5 (diff +1/6).
    // alpha = (1/6) / (1/3) = 0.5 -> threshold 0.225, FMR 1/3 + 0.5 * 1/3 = 0.5.
    ErrorRates r = new ErrorRates(new double[] {0.1, 0.3}, new double[] {0.2, 0.25, 0.4});
    EqualErrorRate e = r.equalErrorRate().orElseThrow();
    assertEquals(0.5, e.rate(), EPS);
    assertEquals(0.225, e.distanceThreshold(), EPS);
  }

  @Test
  void separatedSetsHaveZeroEerInTheMiddleOfTheGap() {
    ErrorRates r = new ErrorRates(new double[] {0.1, 0.2}, new double[] {0.6, 0.8});
    EqualErrorRate e = r.equalErrorRate().orElseThrow();
    assertEquals(0.0, e.rate(), EPS);
    // FMR = FNMR = 0 from 0.2 (largest genuine) up to just below 0.6: candidates 0.2 only.
    assertEquals(0.2, e.distanceThreshold(), EPS);
    assertEquals(0.2, r.thresholdForFmr(0.0).orElseThrow().point().distanceThreshold(), EPS);
  }

  @Test
  void noImpostorsOrNoGenuineMeansNoDerivedPoints() {
    ErrorRates noImpostors = new ErrorRates(new double[] {0.1}, new double[0]);
    assertTrue(noImpostors.thresholdForFmr(0.01).isEmpty());
    assertTrue(noImpostors.equalErrorRate().isEmpty());
    assertTrue(Double.isNaN(noImpostors.falseMatch(0.5).value()));
  }
}
