package io.idforge.identity.face.eval;

import java.util.Locale;
import java.util.Random;

/**
 * The random choices behind one ID-card image, drawn from a seeded {@link Random} so that the
 * synthetic set is the same on every run. Written next to the images ({@code renditions.csv}) to
 * explain any outlier.
 *
 * @param greyPortrait the portrait printed in greyscale
 * @param ghost a faint second copy of the portrait, as on many ID cards
 * @param hue base hue of the card background, 0..1
 * @param angleDegrees rotation of the card in the captured picture, within ±6
 * @param width width in pixels of the captured card (scaling)
 * @param blurSigma Gaussian blur, 0 = none
 * @param noiseSigma Gaussian pixel noise, up to 6
 * @param contrast contrast factor around mid-grey, 0.75..1.15
 * @param brightness added to every channel, ±25
 * @param tintR per-channel colour cast, ±12
 * @param tintG per-channel colour cast, ±12
 * @param tintB per-channel colour cast, ±12
 * @param jpegQuality JPEG quality of the stored card image, 35..90
 */
public record Rendition(
    boolean greyPortrait, boolean ghost, float hue, double angleDegrees, int width,
    double blurSigma, double noiseSigma, double contrast, int brightness, int tintR, int tintG,
    int tintB, int jpegQuality) {

  /** A draw for one card; {@code greyPortrait} is imposed so that both variants always occur. */
  static Rendition draw(Random rnd, boolean greyPortrait) {
    return new Rendition(
        greyPortrait,
        rnd.nextInt(3) == 0,
        rnd.nextFloat(),
        rnd.nextDouble() * 12 - 6,
        640 + rnd.nextInt(321),
        rnd.nextInt(3) == 0 ? 0 : 0.4 + rnd.nextDouble() * 1.0,
        rnd.nextDouble() * 6,
        0.75 + rnd.nextDouble() * 0.40,
        rnd.nextInt(51) - 25,
        rnd.nextInt(25) - 12,
        rnd.nextInt(25) - 12,
        rnd.nextInt(25) - 12,
        35 + rnd.nextInt(56));
  }

  static final String CSV_HEADER =
      "image,grey_portrait,ghost,hue,angle,width,blur_sigma,noise_sigma,contrast,brightness,"
          + "tint_r,tint_g,tint_b,jpeg_quality";

  String csv(String image) {
    return String.format(Locale.ROOT, "%s,%b,%b,%.3f,%.2f,%d,%.2f,%.2f,%.3f,%d,%d,%d,%d,%d",
        image, greyPortrait, ghost, hue, angleDegrees, width, blurSigma, noiseSigma, contrast,
        brightness, tintR, tintG, tintB, jpegQuality);
  }
}
