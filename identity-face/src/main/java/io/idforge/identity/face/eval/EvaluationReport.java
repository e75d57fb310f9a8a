package io.idforge.identity.face.eval;

import io.idforge.identity.face.engine.SimilarityScale;
import io.idforge.identity.face.eval.ErrorRates.OperatingPoint;
import io.idforge.identity.face.eval.ErrorRates.Rate;
import io.idforge.identity.face.eval.ErrorRates.ThresholdChoice;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders an {@link Evaluation} as a markdown report: counts and failures to acquire, the error
 * rates at the configured similarity threshold, score distributions in distance and similarity,
 * an ROC table, the thresholds meeting target false-match rates and the EER. Formatting only.
 */
public final class EvaluationReport {

  /** The similarity thresholds of the ROC table (the configured one is added and marked). */
  static final double[] ROC_SIMILARITIES = {
    0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95
  };

  static final double[] TARGET_FMRS = {0.01, 0.001, 0.0};

  private static final double[] PERCENTILES = {1, 5, 25, 50, 75, 95, 99};
  private static final int BAR_WIDTH = 30;

  private EvaluationReport() {}

  /**
   * The report.
   *
   * @param title what was evaluated (e.g. the folder name; no personal data)
   * @param scorerName which engine scored the pairs
   * @param similarityThreshold the flow's face threshold under evaluation
   */
  public static String render(
      Evaluation eval, String title, String scorerName, double similarityThreshold) {
    StringBuilder md = new StringBuilder();
    double distanceThreshold = SimilarityScale.distance(similarityThreshold);
    int genuine = eval.count(Label.GENUINE);
    int impostor = eval.count(Label.IMPOSTOR);
    md.append("# Face verification evaluation: ").append(title).append("\n\n");
    md.append("- Scorer: ").append(scorerName).append('\n');
    md.append(f("- Pairs: %d (%d genuine, %d impostor)\n", genuine + impostor, genuine, impostor));
    md.append(f("- Threshold: similarity >= %.4f, i.e. distance <= %.4f\n", similarityThreshold,
        distanceThreshold));
    md.append("- Distances: Euclidean between descriptors, lower = more alike; similarity is the ")
        .append("contract's piecewise-linear mapping (0.65 <-> 0.50, 0 from 1.00 up).\n\n");

    acquisition(md, eval);
    ErrorRates rates = eval.errorRates();
    atThreshold(md, eval, rates, similarityThreshold, distanceThreshold);
    distributions(md, eval);
    roc(md, rates, similarityThreshold);
    targets(md, rates, impostor - eval.failuresToAcquire(Label.IMPOSTOR));
    eer(md, rates);
    return md.toString();
  }

  private static void acquisition(StringBuilder md, Evaluation eval) {
    md.append("## Acquisition\n\n");
    md.append("| | genuine | impostor |\n|---|---:|---:|\n");
    row(md, "pairs", eval.count(Label.GENUINE), eval.count(Label.IMPOSTOR));
    row(md, "compared", eval.distances(Label.GENUINE).length,
        eval.distances(Label.IMPOSTOR).length);
    for (PairScore.Side side : PairScore.Side.values()) {
      String name = switch (side) {
        case LEFT -> "failure to acquire: selfie (left)";
        case RIGHT -> "failure to acquire: document (right)";
        case UNKNOWN -> "failure to acquire: side not reported";
      };
      row(md, name, eval.failuresToAcquire(Label.GENUINE, side),
          eval.failuresToAcquire(Label.IMPOSTOR, side));
    }
    md.append("\nFailures to acquire are not counted in FMR/FNMR below; in a flow they end in a ")
        .append("decline or a manual review, never in a match.\n\n");
  }

  private static void atThreshold(StringBuilder md, Evaluation eval, ErrorRates rates,
      double similarityThreshold, double distanceThreshold) {
    OperatingPoint p = rates.at(distanceThreshold);
    md.append(f("## At the configured threshold (similarity %.4f)\n\n", similarityThreshold));
    md.append("- FMR (impostor pairs accepted): ").append(rate(p.falseMatch()));
    if (p.falseMatch().errors() == 0 && p.falseMatch().trials() > 0) {
      md.append(f("; 95 %% upper bound by the rule of three: 3/%d = %s",
          p.falseMatch().trials(), pct(3.0 / p.falseMatch().trials())));
    }
    md.append('\n');
    md.append("- FNMR (genuine pairs rejected): ").append(rate(p.falseNonMatch())).append('\n');
    int genuine = eval.count(Label.GENUINE);
    int notPassing = p.falseNonMatch().errors() + eval.failuresToAcquire(Label.GENUINE);
    md.append("- Genuine pairs that would not pass, failures to acquire included: ")
        .append(rate(new Rate(notPassing, genuine))).append("\n\n");
  }

  private static void distributions(StringBuilder md, Evaluation eval) {
    md.append("## Score distributions\n\n");
    ScoreDistribution gd = new ScoreDistribution(eval.distances(Label.GENUINE));
    ScoreDistribution id = new ScoreDistribution(eval.distances(Label.IMPOSTOR));
    ScoreDistribution gs = new ScoreDistribution(eval.similarities(Label.GENUINE));
    ScoreDistribution is = new ScoreDistribution(eval.similarities(Label.IMPOSTOR));
    ScoreDistribution[] cols = {gd, id, gs, is};
    md.append("| | genuine distance | impostor distance | genuine similarity | impostor similarity |\n");
    md.append("|---|---:|---:|---:|---:|\n");
    md.append("| n |");
    for (ScoreDistribution c : cols) {
      md.append(' ').append(c.size()).append(" |");
    }
    md.append('\n');
    statRow(md, "min", cols, c -> c.min());
    for (double p : PERCENTILES) {
      statRow(md, f("p%.0f", p), cols, c -> c.percentile(p));
    }
    statRow(md, "max", cols, c -> c.max());
    md.append('\n');
    histogram(md, "distance", gd, id, 0, 1.2, 24);
    histogram(md, "similarity", gs, is, 0, 1.0, 20);
  }

  private static void histogram(StringBuilder md, String scale, ScoreDistribution genuine,
      ScoreDistribution impostor, double lo, double hi, int bins) {
    md.append("Histogram of ").append(scale)
        .append(" (G = genuine, I = impostor; the end bins also hold values beyond the range)\n\n");
    md.append("```\n");
    int[] g = genuine.isEmpty() ? new int[bins] : genuine.histogram(lo, hi, bins);
    int[] i = impostor.isEmpty() ? new int[bins] : impostor.histogram(lo, hi, bins);
    int max = 1;
    for (int b = 0; b < bins; b++) {
      max = Math.max(max, Math.max(g[b], i[b]));
    }
    double width = (hi - lo) / bins;
    for (int b = 0; b < bins; b++) {
      md.append(f("%5.2f-%-5.2f G %-" + (BAR_WIDTH + 5) + "s I %s\n", lo + b * width,
          lo + (b + 1) * width, bar(g[b], max), bar(i[b], max)));
    }
    md.append("```\n\n");
  }

  private static String bar(int count, int max) {
    if (count == 0) {
      return "";
    }
    int len = Math.max(1, (int) Math.round((double) count * BAR_WIDTH / max));
    return "#".repeat(len) + " " + count;
  }

  private static void roc(StringBuilder md, ErrorRates rates, double configured) {
    md.append("## ROC (accept when similarity >= threshold)\n\n");
    md.append("| similarity >= | distance <= | FMR | FNMR |\n|---:|---:|---:|---:|\n");
    boolean configuredShown = false;
    for (double s : ROC_SIMILARITIES) {
      if (!configuredShown && configured <= s + 1e-12) {
        if (Math.abs(configured - s) > 1e-12) {
          rocRow(md, rates, configured, true);
        }
        configuredShown = true;
      }
      rocRow(md, rates, s, Math.abs(configured - s) <= 1e-12);
    }
    if (!configuredShown) {
      rocRow(md, rates, configured, true);
    }
    md.append("\n(**bold** = the configured threshold)\n\n");
  }

  private static void rocRow(StringBuilder md, ErrorRates rates, double similarity, boolean mark) {
    OperatingPoint p = rates.at(SimilarityScale.distance(similarity));
    String s = f("%.4f", similarity);
    md.append("| ").append(mark ? "**" + s + "**" : s)
        .append(f(" | %.4f | ", p.distanceThreshold())).append(rate(p.falseMatch()))
        .append(" | ").append(rate(p.falseNonMatch())).append(" |\n");
  }

  private static void targets(StringBuilder md, ErrorRates rates, int comparedImpostors) {
    md.append("## Thresholds for a target FMR on this set\n\n");
    md.append("| target FMR | similarity >= | distance <= | FMR | FNMR | next impostor distance |\n");
    md.append("|---:|---:|---:|---:|---:|---:|\n");
    for (double target : TARGET_FMRS) {
      Optional<ThresholdChoice> c = rates.thresholdForFmr(target);
      md.append("| ").append(pct(target)).append(" | ");
      if (c.isEmpty()) {
        md.append("n/a | n/a | n/a | n/a | n/a |\n");
        continue;
      }
      OperatingPoint p = c.get().point();
      md.append(f("%.4f | %.4f | ", SimilarityScale.similarity(p.distanceThreshold()),
              p.distanceThreshold()))
          .append(rate(p.falseMatch())).append(" | ").append(rate(p.falseNonMatch()))
          .append(" | ")
          .append(Double.isInfinite(c.get().nextImpostor()) ? "none"
              : f("%.4f", c.get().nextImpostor()))
          .append(" |\n");
    }
    md.append("\nEach threshold is the most permissive one meeting the target on this set; any ")
        .append("distance up to the next impostor gives the same rates. ");
    if (comparedImpostors > 0) {
      md.append(f("With %d compared impostor pairs, an FMR below 1/%d cannot be told apart from "
          + "0, and 0 errors only bound the FMR at 3/%d = %s (95 %%, rule of three): measuring "
          + "0.1 %% needs at least 3000 impostor pairs with no false match.", comparedImpostors,
          comparedImpostors, comparedImpostors, pct(3.0 / comparedImpostors)));
    }
    md.append("\n\n");
  }

  private static void eer(StringBuilder md, ErrorRates rates) {
    md.append("## Equal error rate\n\n");
    rates.equalErrorRate().ifPresentOrElse(
        e -> md.append(f("EER %s at distance %.4f (similarity %.4f)\n", pct(e.rate()),
            e.distanceThreshold(), SimilarityScale.similarity(e.distanceThreshold()))),
        () -> md.append("n/a (needs compared genuine and impostor pairs)\n"));
  }

  private interface Stat {
    double of(ScoreDistribution d);
  }

  private static void statRow(StringBuilder md, String name, ScoreDistribution[] cols, Stat stat) {
    md.append("| ").append(name).append(" |");
    for (ScoreDistribution c : cols) {
      md.append(c.isEmpty() ? " - |" : f(" %.4f |", stat.of(c)));
    }
    md.append('\n');
  }

  private static void row(StringBuilder md, String name, int genuine, int impostor) {
    md.append("| ").append(name).append(" | ").append(genuine).append(" | ").append(impostor)
        .append(" |\n");
  }

  static String rate(Rate r) {
    return r.trials() == 0 ? "n/a (0 pairs)"
        : r.errors() + "/" + r.trials() + " = " + pct(r.value());
  }

  static String pct(double v) {
    return f("%.2f %%", v * 100);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
