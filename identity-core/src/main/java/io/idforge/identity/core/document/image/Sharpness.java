package io.idforge.identity.core.document.image;

import java.awt.image.BufferedImage;

/**
 * Focus measure: the variance of the Laplacian (Pech-Pacheco et al., 2000) of the grayscale
 * picture. Sharp edges give strong second derivatives and a high variance; blur flattens them.
 *
 * <p>The picture is first converted to Rec. 601 luma (0-255, like OpenCV's {@code cvtColor}) and,
 * when its long side exceeds {@value #MAX_SIDE} px, box-averaged down to that size. Downscaling
 * keeps the cost bounded and makes scores comparable across camera resolutions; it also means a
 * threshold is only meaningful for this measure as implemented here. The Laplacian is the
 * 4-neighbour kernel {@code [0 1 0; 1 -4 1; 0 1 0]} over interior pixels.
 */
public final class Sharpness {

  /** Long side, in pixels, above which the picture is downscaled before measuring. */
  public static final int MAX_SIDE = 1024;

  private Sharpness() {}

  /** The variance of the Laplacian of {@code image}; 0 for pictures under 3×3 pixels. */
  public static double varianceOfLaplacian(BufferedImage image) {
    GrayImage gray = GrayImage.of(image, MAX_SIDE);
    return varianceOfLaplacian(gray.pixels(), gray.width(), gray.height());
  }

  /**
   * The variance of the Laplacian of a row-major luma plane (0-255), as is: no downscaling. Used
   * by the face engine on its aligned face chip.
   */
  public static double varianceOfLaplacian(float[] g, int w, int h) {
    if (w < 3 || h < 3) {
      return 0;
    }
    double sum = 0;
    double sumOfSquares = 0;
    long n = 0;
    for (int y = 1; y < h - 1; y++) {
      int row = y * w;
      for (int x = 1; x < w - 1; x++) {
        int i = row + x;
        double laplacian = g[i - 1] + g[i + 1] + g[i - w] + g[i + w] - 4.0 * g[i];
        sum += laplacian;
        sumOfSquares += laplacian * laplacian;
        n++;
      }
    }
    double mean = sum / n;
    return sumOfSquares / n - mean * mean;
  }
}
