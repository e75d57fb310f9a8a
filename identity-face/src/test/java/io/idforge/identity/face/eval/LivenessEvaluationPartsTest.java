package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.spi.LivenessAction;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluation's parts that need no engine: its challenges, its report's peaks, its warps. */
class LivenessEvaluationPartsTest {

  @Test
  void challengesAreTheServicesOpenMouthAndOneOrTwoHeadMovements() {
    Random rnd = new Random(7);
    Set<Integer> sizes = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      List<LivenessAction> c = LivenessEvaluation.challenge(rnd);
      sizes.add(c.size());
      assertTrue(c.contains(LivenessAction.OPEN_MOUTH), c.toString());
      assertEquals(c.size(), new HashSet<>(c).size());
    }
    assertEquals(Set.of(2, 3), sizes);
  }

  @Test
  void theReportReadsTheLargestPeakOfADetail() {
    assertEquals(1.28, LivenessEvaluation.peak(
        "seen per turn: look-left: look-left (peak 1.28); open-mouth: nothing (peak 0.48)"), 1e-9);
    assertEquals(-0.5, LivenessEvaluation.peak("look-up: nothing (peak -Infinity); x (peak -0.50)"), 1e-9);
    assertTrue(Double.isNaN(LivenessEvaluation.peak("the neutral frames disagree")));
  }

  @Test
  void aTiltedPhotoGrowsOnItsNearSideAndAFlatOneStaysPut() {
    BufferedImage stripes = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 200; x++) {
      for (int y = 0; y < 100; y++) {
        stripes.setRGB(x, y, x % 20 < 10 ? 0xFFFFFF : 0x000000);
      }
    }
    BufferedImage flat = SyntheticHeadMotion.tiltedPhoto(stripes, 0, 0, 0, 340);
    assertEquals(stripes.getRGB(55, 50), flat.getRGB(55, 50));
    // Turned 40 degrees, positive like a head turn: the right half recedes and shrinks.
    BufferedImage turned = SyntheticHeadMotion.tiltedPhoto(stripes, 40, 0, 0, 340);
    int left = width(turned, 0, 100);
    int right = width(turned, 100, 200);
    assertTrue(left > right + 10, left + " vs " + right);
  }

  /** Columns in [from, to) of the middle row that show the picture (not the grey background). */
  private static int width(BufferedImage img, int from, int to) {
    int n = 0;
    for (int x = from; x < to; x++) {
      int p = img.getRGB(x, 50) & 0xFFFFFF;
      n += p == 0x767676 ? 0 : 1;
    }
    return n;
  }
}
