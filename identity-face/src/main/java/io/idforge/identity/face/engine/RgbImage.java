package io.idforge.identity.face.engine;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;

/**
 * A picture as packed {@code 0xRRGGBB} ints, row-major, no padding: the one layout the pixel code
 * works on. Transparent pixels are composited onto white (a PNG selfie with an alpha channel
 * should look as a browser shows it).
 */
public record RgbImage(int width, int height, int[] pixels) {

  public RgbImage {
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException("bad image geometry " + width + "x" + height);
    }
  }

  /** The pixel at (x, y) as {@code 0xRRGGBB}. */
  public int rgb(int x, int y) {
    return pixels[y * width + x];
  }

  /** Converts {@code image}, reading the common ImageIO layouts straight from their arrays. */
  public static RgbImage of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] out = new int[w * h];
    WritableRaster raster = image.getRaster();
    boolean untranslated = raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0 && raster.getDataBuffer().getOffset() == 0;
    int type = image.getType();
    if (untranslated && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_BGR)
        && ((java.awt.image.SinglePixelPackedSampleModel) raster.getSampleModel())
            .getScanlineStride() == w) {
      int[] src = ((DataBufferInt) raster.getDataBuffer()).getData();
      if (type == BufferedImage.TYPE_INT_RGB) {
        for (int i = 0; i < out.length; i++) {
          out[i] = src[i] & 0xFFFFFF;
        }
      } else {
        for (int i = 0; i < out.length; i++) {
          int p = src[i];
          out[i] = ((p & 0xFF) << 16) | (p & 0xFF00) | ((p >> 16) & 0xFF);
        }
      }
    } else if (untranslated && (type == BufferedImage.TYPE_3BYTE_BGR
        || type == BufferedImage.TYPE_BYTE_GRAY) && plainBytes(raster, w)) {
      byte[] src = ((DataBufferByte) raster.getDataBuffer()).getData();
      if (type == BufferedImage.TYPE_BYTE_GRAY) {
        for (int i = 0; i < out.length; i++) {
          int g = src[i] & 0xFF;
          out[i] = (g << 16) | (g << 8) | g;
        }
      } else {
        for (int i = 0, j = 0; i < out.length; i++, j += 3) {
          out[i] = ((src[j + 2] & 0xFF) << 16) | ((src[j + 1] & 0xFF) << 8) | (src[j] & 0xFF);
        }
      }
    } else {
      // Everything else (alpha, indexed, 16-bit, custom) through the colour model, row by row.
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0, o = y * w; x < w; x++, o++) {
          out[o] = overWhite(row[x]);
        }
      }
    }
    return new RgbImage(w, h, out);
  }

  private static boolean plainBytes(WritableRaster raster, int w) {
    return raster.getSampleModel() instanceof ComponentSampleModel cs
        && raster.getDataBuffer().getNumBanks() == 1
        && cs.getPixelStride() == raster.getNumDataElements()
        && cs.getScanlineStride() == w * cs.getPixelStride();
  }

  /** Composites a non-premultiplied ARGB pixel onto white. */
  static int overWhite(int argb) {
    int a = argb >>> 24;
    if (a == 0xFF) {
      return argb & 0xFFFFFF;
    }
    int white = (255 - a) * 255;
    int r = (((argb >> 16) & 0xFF) * a + white) / 255;
    int g = (((argb >> 8) & 0xFF) * a + white) / 255;
    int b = ((argb & 0xFF) * a + white) / 255;
    return (r << 16) | (g << 8) | b;
  }
}
