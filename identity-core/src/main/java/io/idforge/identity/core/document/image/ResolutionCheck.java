package io.idforge.identity.core.document.image;

import java.awt.image.BufferedImage;

/**
 * Declines pictures below a minimum resolution, whichever way round they were taken: the long side
 * must reach the larger minimum and the short side the smaller one (default 640×400).
 *
 * <p>The catalogue has no resolution or low-quality code. A picture too small to read is declined
 * as {@code blurry_image}, the sibling in the "Document is illegible" classification whose meaning
 * ("too blurred to read") is closest and which is likewise user-fixable by retaking the picture;
 * {@code incomplete_document}, {@code damaged_document} and the format codes describe other faults.
 */
public final class ResolutionCheck {

  /** Catalogue code used for a too-small picture (see the class comment). */
  public static final String LOW_RESOLUTION_REASON = BlurCheck.BLURRY_IMAGE;

  public static final int DEFAULT_MIN_WIDTH = 640;
  public static final int DEFAULT_MIN_HEIGHT = 400;

  private final int minLong;
  private final int minShort;

  public ResolutionCheck(int minWidth, int minHeight) {
    if (minWidth <= 0 || minHeight <= 0) {
      throw new IllegalArgumentException(
          "minimum resolution must be positive: " + minWidth + "x" + minHeight);
    }
    this.minLong = Math.max(minWidth, minHeight);
    this.minShort = Math.min(minWidth, minHeight);
  }

  /** A check with the default 640×400 minimum. */
  public static ResolutionCheck withDefaults() {
    return new ResolutionCheck(DEFAULT_MIN_WIDTH, DEFAULT_MIN_HEIGHT);
  }

  public ImageCheckResult check(BufferedImage image) {
    return check(image.getWidth(), image.getHeight());
  }

  /** Checks original dimensions, e.g. those of {@link ImageDecoding.Decoded}. */
  public ImageCheckResult check(int width, int height) {
    int longSide = Math.max(width, height);
    int shortSide = Math.min(width, height);
    boolean enough = longSide >= minLong && shortSide >= minShort;
    String message =
        width + "x" + height + (enough ? " meets " : " is below ") + minLong + "x" + minShort;
    return new ImageCheckResult(enough, shortSide, enough ? null : LOW_RESOLUTION_REASON, message);
  }
}
