package io.idforge.identity.face.eval;

import java.util.Arrays;

/**
 * A sorted sample of scores (distances or similarities) with the summary figures of the report:
 * extremes, percentiles and a fixed-range histogram. Pure: no I/O, no state after construction.
 */
public final class ScoreDistribution {

  private final double[] sorted;

  public ScoreDistribution(double[] scores) {
    for (double s : scores) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("a score is NaN");
      }
    }
    this.sorted = scores.clone();
    Arrays.sort(this.sorted);
  }

  public int size() {
    return sorted.length;
  }

  public boolean isEmpty() {
    return sorted.length == 0;
  }

  /** The scores in ascending order (a copy). */
  public double[] sorted() {
    return sorted.clone();
  }

  public double min() {
    requireNonEmpty();
    return sorted[0];
  }

  public double max() {
    requireNonEmpty();
    return sorted[sorted.length - 1];
  }

  /**
   * The {@code p}-th percentile, {@code p} in [0, 100], by linear interpolation between closest
   * ranks (Hyndman-Fan type 7, the default of R, NumPy and spreadsheets' PERCENTILE.INC), so that
   * the report's figures can be checked with any of those tools.
   */
  public double percentile(double p) {
    requireNonEmpty();
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be within [0, 100]: " + p);
    }
    double h = (sorted.length - 1) * p / 100.0;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Counts per bin over [{@code lo}, {@code hi}) in {@code bins} equal bins; scores outside the
   * range fall into the first or last bin, so the counts always add up to {@link #size()}.
   */
  public int[] histogram(double lo, double hi, int bins) {
    if (!(hi > lo) || bins < 1) {
      throw new IllegalArgumentException("need hi > lo and at least one bin");
    }
    int[] counts = new int[bins];
    double width = (hi - lo) / bins;
    for (double s : sorted) {
      int bin = (int) Math.floor((s - lo) / width);
      counts[Math.max(0, Math.min(bins - 1, bin))]++;
    }
    return counts;
  }

  private void requireNonEmpty() {
    if (sorted.length == 0) {
      throw new IllegalStateException("no scores");
    }
  }
}
