package io.idforge.identity.core.document.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Turns a picture as stored into the picture as meant to be seen, for the eight EXIF orientations
 * (phones store the sensor's rows and only tag the rotation). Orientations 5 to 8 swap width and
 * height. The pixels are copied by index, so the result is exact: no resampling.
 */
public final class Orientation {

  private Orientation() {}

  /** True when {@code orientation} swaps width and height (5 to 8). */
  public static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /**
   * The stored pixel that lands at displayed position (x, y), for a stored picture of {@code
   * width}×{@code height}; returned as {@code sx + sy * width}.
   */
  public static int sourceIndex(int orientation, int x, int y, int width, int height) {
    int sx;
    int sy;
    switch (orientation) {
      case 2 -> { sx = width - 1 - x; sy = y; }
      case 3 -> { sx = width - 1 - x; sy = height - 1 - y; }
      case 4 -> { sx = x; sy = height - 1 - y; }
      case 5 -> { sx = y; sy = x; }
      case 6 -> { sx = y; sy = height - 1 - x; }
      case 7 -> { sx = width - 1 - y; sy = height - 1 - x; }
      case 8 -> { sx = width - 1 - y; sy = x; }
      default -> { sx = x; sy = y; }
    }
    return sx + sy * width;
  }

  /** {@code image} as displayed; the same instance for orientation 1 or an unknown value. */
  public static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return image;
    }
    BufferedImage source = image;
    if (!plainLayout(source)) {
      source = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
      source.getGraphics().drawImage(image, 0, 0, null);
    }
    int w = source.getWidth();
    int h = source.getHeight();
    int tw = swapsAxes(orientation) ? h : w;
    int th = swapsAxes(orientation) ? w : h;
    BufferedImage target = new BufferedImage(source.getColorModel(),
        source.getRaster().createCompatibleWritableRaster(tw, th),
        source.isAlphaPremultiplied(), null);
    WritableRaster from = source.getRaster();
    WritableRaster to = target.getRaster();
    if (from.getDataBuffer() instanceof DataBufferInt) {
      int[] s = ((DataBufferInt) from.getDataBuffer()).getData();
      int[] t = ((DataBufferInt) to.getDataBuffer()).getData();
      for (int y = 0, i = 0; y < th; y++) {
        for (int x = 0; x < tw; x++, i++) {
          t[i] = s[sourceIndex(orientation, x, y, w, h)];
        }
      }
    } else {
      int n = from.getNumDataElements();
      byte[] s = ((DataBufferByte) from.getDataBuffer()).getData();
      byte[] t = ((DataBufferByte) to.getDataBuffer()).getData();
      for (int y = 0, i = 0; y < th; y++) {
        for (int x = 0; x < tw; x++, i += n) {
          int j = sourceIndex(orientation, x, y, w, h) * n;
          for (int c = 0; c < n; c++) {
            t[i + c] = s[j + c];
          }
        }
      }
    }
    return target;
  }

  /**
   * True for a raster whose pixels are consecutive in one int or byte array (one int or {@code n}
   * bytes each, rows without padding), which is what ImageIO returns for JPEG and most PNGs.
   */
  private static boolean plainLayout(BufferedImage image) {
    WritableRaster r = image.getRaster();
    if (r.getSampleModelTranslateX() != 0 || r.getSampleModelTranslateY() != 0
        || r.getDataBuffer().getNumBanks() != 1 || r.getDataBuffer().getOffset() != 0) {
      return false;
    }
    if (r.getSampleModel() instanceof SinglePixelPackedSampleModel sp) {
      return r.getDataBuffer() instanceof DataBufferInt && sp.getScanlineStride() == r.getWidth();
    }
    if (r.getSampleModel() instanceof ComponentSampleModel cs) {
      return r.getDataBuffer() instanceof DataBufferByte
          && cs.getPixelStride() == r.getNumDataElements()
          && cs.getScanlineStride() == r.getWidth() * cs.getPixelStride();
    }
    return false;
  }
}
