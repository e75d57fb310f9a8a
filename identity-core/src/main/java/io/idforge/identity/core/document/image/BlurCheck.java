package io.idforge.identity.core.document.image;

import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Declines pictures whose {@link Sharpness#varianceOfLaplacian sharpness} is below a threshold,
 * with the catalogue code {@code blurry_image}. The default of {@value #DEFAULT_THRESHOLD} is the
 * customary starting point for this measure on 8-bit grayscale; calibrate it on real captures
 * (flat, low-contrast documents score lower than text-dense ones).
 */
public final class BlurCheck {

  /** Catalogue code for an unreadably blurred document picture. */
  public static final String BLURRY_IMAGE = "blurry_image";

  public static final double DEFAULT_THRESHOLD = 100.0;

  private final double threshold;

  public BlurCheck(double threshold) {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("threshold must be a non-negative number: " + threshold);
    }
    this.threshold = threshold;
  }

  /** A check with {@link #DEFAULT_THRESHOLD}. */
  public static BlurCheck withDefaults() {
    return new BlurCheck(DEFAULT_THRESHOLD);
  }

  public ImageCheckResult check(BufferedImage image) {
    double score = Sharpness.varianceOfLaplacian(image);
    boolean sharp = score >= threshold;
    String message =
        String.format(
            Locale.ROOT,
            "variance of Laplacian %.1f %s %.1f",
            score,
            sharp ? ">=" : "<",
            threshold);
    return new ImageCheckResult(sharp, score, sharp ? null : BLURRY_IMAGE, message);
  }
}
