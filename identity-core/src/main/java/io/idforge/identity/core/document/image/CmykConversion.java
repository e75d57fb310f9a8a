package io.idforge.identity.core.document.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Four-component JPEGs (CMYK, or YCCK as Photoshop writes them) to RGB. ImageIO reads them as a
 * CMYK image whose RGB conversion ignores the Adobe conventions (and is slow), so the decoder takes
 * the raw raster and converts it here:
 *
 * <ul>
 *   <li>Adobe transform 2 (YCCK): the first three components are YCbCr of the inverted CMY, as in
 *       libjpeg's {@code ycck_cmyk_convert};
 *   <li>with an Adobe APP14 segment the stored values are inverted (0 = full ink), the convention
 *       Photoshop follows and that ImageMagick, libvips and pdf.js assume;
 *   <li>CMYK to RGB without a colour profile: {@code R = (1 - C)(1 - K)}; approximate colours are
 *       enough for faces and documents.
 * </ul>
 */
public final class CmykConversion {

  private CmykConversion() {}

  /** An RGB picture from the raw four-band raster of a JPEG with {@code header}. */
  public static BufferedImage toRgb(Raster raw, JpegHeader header) {
    int w = raw.getWidth();
    int h = raw.getHeight();
    BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    boolean ycck = header.adobeTransform() == 2;
    boolean inverted = header.adobe();
    int[] row = new int[w * 4];
    for (int y = 0; y < h; y++) {
      raw.getPixels(raw.getMinX(), raw.getMinY() + y, w, 1, row);
      for (int x = 0, o = y * w; x < w; x++, o++) {
        int p = x * 4;
        int c = row[p];
        int m = row[p + 1];
        int ye = row[p + 2];
        int k = row[p + 3];
        if (ycck) {
          double luma = c;
          double cb = m - 128.0;
          double cr = ye - 128.0;
          c = 255 - clamp(luma + 1.402 * cr);
          m = 255 - clamp(luma - 0.344136 * cb - 0.714136 * cr);
          ye = 255 - clamp(luma + 1.772 * cb);
        }
        if (inverted) {
          c = 255 - c;
          m = 255 - m;
          ye = 255 - ye;
          k = 255 - k;
        }
        int white = 255 - k;
        int r = (255 - c) * white / 255;
        int g = (255 - m) * white / 255;
        int b = (255 - ye) * white / 255;
        out[o] = (r << 16) | (g << 8) | b;
      }
    }
    return rgb;
  }

  private static int clamp(double v) {
    return v <= 0 ? 0 : v >= 255 ? 255 : (int) Math.round(v);
  }
}
