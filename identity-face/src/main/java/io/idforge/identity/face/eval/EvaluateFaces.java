package io.idforge.identity.face.eval;

import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.face.engine.SimilarityScale;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The evaluation command: scores a folder of labelled pairs ({@link PairsFile}) with the face
 * engine and prints a markdown report ({@link EvaluationReport}); optionally writes it to a file
 * and the per-pair scores to a CSV for one's own plots. Run it with {@code ./face-eval.sh}.
 *
 * <pre>
 * EvaluateFaces &lt;folder&gt; [--threshold 0.65] [--out report.md] [--scores scores.csv]
 * </pre>
 *
 * Exit status: 0 done, 2 bad arguments or unreadable pairs, 3 no engine, 4 engine failure.
 */
public final class EvaluateFaces {

  static final String USAGE =
      """
      usage: ./face-eval.sh <folder> [--threshold 0.65] [--out report.md] [--scores scores.csv]
        <folder>      a folder with pairs.csv (header left,right,label[,subject]; label genuine|impostor;
                      left = selfie, right = document image; paths relative to the folder)
        --threshold   the flow's face threshold on the similarity scale, default 0.65 (= distance 0.50)
        --out         also write the markdown report to this file (it is always printed)
        --scores      also write one CSV line per pair: left,right,label,distance,similarity,failure
      Run `mvn -B -q install -DskipTests` once in a clean clone first (builds the engine and its models).
      See docs/face-evaluation.md.""";

  private EvaluateFaces() {}

  /** The parsed command line. */
  record Options(Path folder, double threshold, Optional<Path> out, Optional<Path> scores) {

    static Options parse(String[] args) {
      Path folder = null;
      double threshold = 0.65;
      Path out = null;
      Path scores = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String name = a;
        String value = null;
        if (a.startsWith("--") && a.contains("=")) {
          name = a.substring(0, a.indexOf('='));
          value = a.substring(a.indexOf('=') + 1);
        } else if (a.startsWith("--")) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          value = args[++i];
        }
        switch (name) {
          case "--threshold" -> threshold = parseThreshold(value);
          case "--out" -> out = Path.of(value);
          case "--scores" -> scores = Path.of(value);
          default -> {
            if (a.startsWith("--") || folder != null) {
              throw new IllegalArgumentException("unexpected argument: " + a);
            }
            folder = Path.of(a);
          }
        }
      }
      if (folder == null) {
        throw new IllegalArgumentException("the pairs folder is missing");
      }
      return new Options(folder, threshold, Optional.ofNullable(out), Optional.ofNullable(scores));
    }

    private static double parseThreshold(String value) {
      double t;
      try {
        t = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--threshold is not a number: " + value);
      }
      if (!(t >= 0 && t <= 1)) {
        throw new IllegalArgumentException("--threshold is a similarity within [0, 1]: " + value);
      }
      return t;
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The command with the engine of this build; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    Optional<EngineBinding> engine = EngineBinding.open();
    if (engine.isEmpty()) {
      err.println(EngineBinding.unavailableReason());
      return 3;
    }
    try (EngineBinding e = engine.get()) {
      return run(options, e.scorer(), e.name(), out, err);
    }
  }

  /** The command with a given scorer; returns the exit status. */
  static int run(Options options, PairScorer scorer, String scorerName, PrintStream out,
      PrintStream err) {
    List<LabelledPair> pairs;
    try {
      pairs = PairsFile.read(options.folder());
    } catch (IOException e) {
      err.println("cannot read the pairs: " + e.getMessage());
      return 2;
    }
    try {
      Evaluation eval = Evaluation.run(options.folder(), pairs, scorer);
      String title = Optional.ofNullable(options.folder().toAbsolutePath().normalize().getFileName())
          .map(Path::toString).orElse("pairs");
      String report = EvaluationReport.render(eval, title, scorerName, options.threshold());
      out.print(report);
      if (options.out().isPresent()) {
        write(options.out().get(), report);
      }
      if (options.scores().isPresent()) {
        write(options.scores().get(), scoresCsv(eval));
      }
      return 0;
    } catch (FaceEngineException e) {
      err.println("the face engine failed: " + e.getMessage());
      return 4;
    } catch (IOException | RuntimeException e) {
      err.println("evaluation failed: " + e.getMessage());
      return 2;
    }
  }

  static String scoresCsv(Evaluation eval) {
    StringBuilder csv = new StringBuilder("left,right,label,distance,similarity,failure\n");
    for (ScoredPair p : eval.pairs()) {
      csv.append(p.pair().left()).append(',').append(p.pair().right()).append(',')
          .append(p.pair().label().csv()).append(',');
      if (p.score().acquired()) {
        double d = p.score().distance().getAsDouble();
        csv.append(String.format(Locale.ROOT, "%.6f,%.6f,", d, SimilarityScale.similarity(d)));
      } else {
        // The engine's reason is free text: keep it to one unquoted CSV cell.
        String reason = p.score().reason().replace(',', ';').replaceAll("\\s+", " ");
        csv.append(",,").append(p.score().failedSide().name().toLowerCase(Locale.ROOT))
            .append(':').append(reason);
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
