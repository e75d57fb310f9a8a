package io.idforge.identity.core.document.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The largest pictures the service agrees to decode, checked against the dimensions a file
 * declares in its header, before any pixel is decoded. A PNG or JPEG header can claim billions of
 * pixels in a few hundred bytes; decoding such a file costs seconds of a core and hundreds of
 * megabytes whatever the subsampling, because the decoder still walks every row.
 *
 * <p>The defaults let through every camera a user is likely to hold (a 48-megapixel phone photo is
 * 8000 × 6000) and any document scan, and refuse what no camera produces: more than 50 megapixels,
 * a side over 12,000 pixels, or a long side more than 10 times the short one (an ID-1 card is
 * 1.6:1, a passport page 1.4:1, a phone's panorama about 4:1).
 *
 * @param maxPixels largest width × height (config {@code identity.images.max-pixels})
 * @param maxSide largest width or height (config {@code identity.images.max-side})
 * @param maxAspectRatio largest long side / short side (config {@code
 *     identity.images.max-aspect-ratio})
 */
public record ImageLimits(long maxPixels, int maxSide, double maxAspectRatio) {

  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
  public static final int DEFAULT_MAX_SIDE = 12_000;
  public static final double DEFAULT_MAX_ASPECT_RATIO = 10.0;

  public ImageLimits {
    if (maxPixels <= 0 || maxSide <= 0 || !(maxAspectRatio >= 1.0)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "image limits must be positive and the aspect ratio at least 1: %d px, %d px side, %s",
          maxPixels, maxSide, maxAspectRatio));
    }
  }

  /** 50 megapixels, 12,000 px per side, aspect ratio 10. */
  public static ImageLimits defaults() {
    return new ImageLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE, DEFAULT_MAX_ASPECT_RATIO);
  }

  /**
   * Why a picture declaring {@code width} × {@code height} is refused, or empty when it is within
   * the limits. Zero or negative dimensions are refused too: no reader should report them, and a
   * damaged header must not reach the decoder as a "small" picture.
   */
  public Optional<String> violation(long width, long height) {
    if (width <= 0 || height <= 0) {
      return Optional.of("declares " + width + "x" + height + " pixels");
    }
    long longSide = Math.max(width, height);
    long shortSide = Math.min(width, height);
    if (longSide > maxSide) {
      return Optional.of(width + "x" + height + " has a side over " + maxSide + " px");
    }
    if (width * height > maxPixels) {
      return Optional.of(width + "x" + height + " is over " + maxPixels + " pixels");
    }
    if (longSide > maxAspectRatio * shortSide) {
      return Optional.of(width + "x" + height + " is more elongated than "
          + String.format(Locale.ROOT, "%.1f", maxAspectRatio) + ":1");
    }
    return Optional.empty();
  }
}
