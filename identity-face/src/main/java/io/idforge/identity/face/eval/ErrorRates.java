package io.idforge.identity.face.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * False-match and false-non-match rates of a verifier over labelled genuine and impostor
 * distances (lower = more alike; a pair is accepted when its distance is at most the threshold).
 * Pure: no I/O. Thresholds are in distance; the report converts them to the similarity scale.
 *
 * <p>Candidate thresholds for the derived operating points are 0 and every observed distance:
 * between two consecutive observed distances the rates on this set cannot change.
 */
public final class ErrorRates {

  private final double[] genuine;
  private final double[] impostor;
  private final double[] candidates;

  public ErrorRates(double[] genuineDistances, double[] impostorDistances) {
    this.genuine = new ScoreDistribution(genuineDistances).sorted();
    this.impostor = new ScoreDistribution(impostorDistances).sorted();
    TreeSet<Double> all = new TreeSet<>();
    all.add(0.0);
    for (double d : genuine) {
      all.add(d);
    }
    for (double d : impostor) {
      all.add(d);
    }
    this.candidates = all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Errors out of trials; {@link #value()} is NaN when there were no trials. */
  public record Rate(int errors, int trials) {
    public double value() {
      return trials == 0 ? Double.NaN : (double) errors / trials;
    }
  }

  /** The rates at one distance threshold. */
  public record OperatingPoint(double distanceThreshold, Rate falseMatch, Rate falseNonMatch) {}

  /**
   * The most permissive threshold meeting a false-match target on this set. Any threshold from
   * {@code point.distanceThreshold()} up to (excluding) {@code nextImpostor} gives the same rates;
   * {@code nextImpostor} is +infinity when no impostor lies above.
   */
  public record ThresholdChoice(double targetFmr, OperatingPoint point, double nextImpostor) {}

  /**
   * Equal error rate: where FMR and FNMR cross, linearly interpolated between the two candidate
   * thresholds around the crossing (or the middle of a run where they are equal).
   */
  public record EqualErrorRate(double rate, double distanceThreshold) {}

  /** Impostor pairs with distance at most {@code threshold}. */
  public Rate falseMatch(double threshold) {
    return new Rate(countAtMost(impostor, threshold), impostor.length);
  }

  /** Genuine pairs with distance above {@code threshold}. */
  public Rate falseNonMatch(double threshold) {
    return new Rate(genuine.length - countAtMost(genuine, threshold), genuine.length);
  }

  public OperatingPoint at(double threshold) {
    return new OperatingPoint(threshold, falseMatch(threshold), falseNonMatch(threshold));
  }

  /** One operating point per threshold, in the order given (an ROC/DET table). */
  public List<OperatingPoint> roc(double[] thresholds) {
    List<OperatingPoint> rows = new ArrayList<>();
    for (double t : thresholds) {
      rows.add(at(t));
    }
    return rows;
  }

  /**
   * The largest candidate threshold whose FMR on this set is at most {@code targetFmr}; empty
   * when there are no impostors or when even threshold 0 exceeds it (identical descriptors).
   */
  public Optional<ThresholdChoice> thresholdForFmr(double targetFmr) {
    if (impostor.length == 0) {
      return Optional.empty();
    }
    for (int i = candidates.length - 1; i >= 0; i--) {
      OperatingPoint p = at(candidates[i]);
      if (p.falseMatch().value() <= targetFmr) {
        int above = p.falseMatch().errors();
        double next = above < impostor.length ? impostor[above] : Double.POSITIVE_INFINITY;
        return Optional.of(new ThresholdChoice(targetFmr, p, next));
      }
    }
    return Optional.empty();
  }

  /** The EER; empty unless both genuine and impostor pairs exist. */
  public Optional<EqualErrorRate> equalErrorRate() {
    if (genuine.length == 0 || impostor.length == 0) {
      return Optional.empty();
    }
    // FMR - FNMR is non-decreasing in the threshold: find where it reaches 0.
    double prevT = candidates[0];
    double prevDiff = diff(prevT);
    if (prevDiff >= 0) {
      return Optional.of(new EqualErrorRate(falseMatch(prevT).value(), prevT));
    }
    for (int i = 1; i < candidates.length; i++) {
      double t = candidates[i];
      double d = diff(t);
      if (d == 0) {
        int j = i;
        while (j + 1 < candidates.length && diff(candidates[j + 1]) == 0) {
          j++;
        }
        return Optional.of(
            new EqualErrorRate(falseMatch(t).value(), (t + candidates[j]) / 2));
      }
      if (d > 0) {
        double alpha = -prevDiff / (d - prevDiff);
        double fmr =
            falseMatch(prevT).value() + alpha * (falseMatch(t).value() - falseMatch(prevT).value());
        return Optional.of(new EqualErrorRate(fmr, prevT + alpha * (t - prevT)));
      }
      prevT = t;
      prevDiff = d;
    }
    // Unreachable: at the largest candidate FNMR is 0, so the difference is >= 0.
    throw new IllegalStateException("no crossing");
  }

  private double diff(double t) {
    return falseMatch(t).value() - falseNonMatch(t).value();
  }

  private static int countAtMost(double[] sorted, double threshold) {
    // Index of the first element > threshold, by binary search over the sorted array.
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= threshold) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
