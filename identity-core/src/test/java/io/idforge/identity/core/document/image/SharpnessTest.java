package io.idforge.identity.core.document.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharpnessTest {

  static final BufferedImage SHARP = SyntheticDocuments.sharpCard(1000, 630);
  static final BufferedImage BLURRED = SyntheticDocuments.gaussianBlur(SHARP, 3.0);

  @Test
  void theSharpPictureScoresSeveralTimesHigherThanItsBlurredCopy() {
    double sharp = Sharpness.varianceOfLaplacian(SHARP);
    double blurred = Sharpness.varianceOfLaplacian(BLURRED);
    assertTrue(sharp > 5 * blurred, "sharp " + sharp + " vs blurred " + blurred);
  }

  @Test
  void theDefaultBlurCheckPassesTheSharpPictureAndDeclinesTheBlurredOne() {
    BlurCheck check = BlurCheck.withDefaults();
    ImageCheckResult sharp = check.check(SHARP);
    ImageCheckResult blurred = check.check(BLURRED);
    assertTrue(sharp.passed(), sharp.message());
    assertEquals(Optional.empty(), sharp.declinedReasonCode());
    assertFalse(blurred.passed(), blurred.message());
    assertEquals("blurry_image", blurred.declinedReason());
  }

  @Test
  void theThresholdIsConfigurable() {
    double score = Sharpness.varianceOfLaplacian(BLURRED);
    assertTrue(new BlurCheck(score / 2).check(BLURRED).passed());
    assertFalse(new BlurCheck(score * 2).check(BLURRED).passed());
  }

  @Test
  void largePicturesAreDownscaledSoScoresStayComparable() {
    BufferedImage large = SyntheticDocuments.sharpCard(2400, 1512);
    double largeScore = Sharpness.varianceOfLaplacian(large);
    assertTrue(BlurCheck.withDefaults().check(large).passed(), "score " + largeScore);
    BufferedImage defocused = SyntheticDocuments.resampleBlur(large, 8);
    assertTrue(largeScore > 5 * Sharpness.varianceOfLaplacian(defocused));
  }

  @Test
  void aFlatPictureHasNoSharpness() {
    BufferedImage flat = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = flat.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, 200, 100);
    g.dispose();
    assertEquals(0.0, Sharpness.varianceOfLaplacian(flat), 1e-9);
    assertEquals(
        0.0, Sharpness.varianceOfLaplacian(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB)));
  }
}
