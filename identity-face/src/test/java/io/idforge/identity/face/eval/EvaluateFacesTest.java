package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command end to end with a fake scorer: "images" are text files naming a person, the
 * distance is 0.3 for the same name and 0.8 otherwise, and a file saying {@code none} has no face.
 */
class EvaluateFacesTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static final PairScorer BY_NAME =
      (left, right) -> {
        if (new String(right, StandardCharsets.UTF_8).equals("none")) {
          return PairScore.notAcquired(PairScore.Side.RIGHT, "NO_FACE_ON_DOCUMENT (none, at all)");
        }
        return PairScore.compared(Arrays.equals(left, right) ? 0.3 : 0.8);
      };

  private void folder() throws IOException {
    Files.writeString(dir.resolve("ann.txt"), "ann");
    Files.writeString(dir.resolve("ann-id.txt"), "ann");
    Files.writeString(dir.resolve("bob-id.txt"), "bob");
    Files.writeString(dir.resolve("blank-id.txt"), "none");
    Files.writeString(
        dir.resolve("pairs.csv"),
        "left,right,label\nann.txt,ann-id.txt,genuine\nann.txt,blank-id.txt,genuine\n"
            + "ann.txt,bob-id.txt,impostor\nann.txt,ann-id.txt,impostor\n");
  }

  private int run(String... args) {
    return EvaluateFaces.run(EvaluateFaces.Options.parse(args), BY_NAME, "fake",
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void reportsRatesAtTheThresholdAndWritesReportAndScores() throws IOException {
    folder();
    Path report = dir.resolve("out/report.md");
    Path scores = dir.resolve("out/scores.csv");
    assertEquals(0, run(dir.toString(), "--out", report.toString(), "--scores=" + scores));
    String md = out.toString(StandardCharsets.UTF_8);
    assertEquals(md, Files.readString(report));
    // The deliberately mislabelled "impostor" ann/ann pair (0.3 <= 0.50) is the one false match.
    assertTrue(md.contains("- FMR (impostor pairs accepted): 1/2 = 50.00 %"), md);
    assertTrue(md.contains("- FNMR (genuine pairs rejected): 0/1 = 0.00 %"), md);
    assertTrue(md.contains("| failure to acquire: document (right) | 1 | 0 |"), md);
    assertTrue(md.contains("failures to acquire included: 1/2 = 50.00 %"), md);
    assertTrue(md.contains("| **0.6500** | 0.5000 | 1/2 = 50.00 % | 0/1 = 0.00 % |"), md);
    assertEquals(
        "left,right,label,distance,similarity,failure\n"
            + "ann.txt,ann-id.txt,genuine,0.300000,0.790000,\n"
            + "ann.txt,blank-id.txt,genuine,,,right:NO_FACE_ON_DOCUMENT (none; at all)\n"
            + "ann.txt,bob-id.txt,impostor,0.800000,0.260000,\n"
            + "ann.txt,ann-id.txt,impostor,0.300000,0.790000,\n",
        Files.readString(scores));
  }

  @Test
  void aStricterThresholdRejectsTheCloseImpostor() throws IOException {
    folder();
    assertEquals(0, run(dir.toString(), "--threshold", "0.9"));
    String md = out.toString(StandardCharsets.UTF_8);
    assertTrue(md.contains("- FMR (impostor pairs accepted): 0/2 = 0.00 %"), md);
    assertTrue(md.contains("3/2 = 150.00 %"), md);
    assertTrue(md.contains("- FNMR (genuine pairs rejected): 1/1 = 100.00 %"), md);
  }

  @Test
  void badArgumentsAndMissingPairsExitWith2() {
    assertThrows(IllegalArgumentException.class, () -> EvaluateFaces.Options.parse(new String[0]));
    assertThrows(IllegalArgumentException.class,
        () -> EvaluateFaces.Options.parse(new String[] {"x", "--threshold", "65"}));
    assertThrows(IllegalArgumentException.class,
        () -> EvaluateFaces.Options.parse(new String[] {"x", "--bogus", "1"}));
    assertEquals(2, EvaluateFaces.run(new String[] {"--threshold"},
        new PrintStream(out), new PrintStream(err)));
    assertEquals(2, run(dir.resolve("missing").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read the pairs"));
  }
}
