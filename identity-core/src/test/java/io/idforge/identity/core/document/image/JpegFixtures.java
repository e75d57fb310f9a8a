package io.idforge.identity.core.document.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Hand-made JPEG variants the JDK's writer does not produce by itself: EXIF-oriented files (the
 * pixels stored rotated, plus an APP1 orientation tag, as phones write them) and four-component
 * CMYK / YCCK files with or without Adobe's APP14 segment (as print workflows write them).
 */
public final class JpegFixtures {

  /** How a four-component JPEG stores its colours. */
  public enum FourComponent {
    /** Plain CMYK, no Adobe segment, 0 = no ink. */
    CMYK,
    /** Adobe APP14 transform 0: CMYK stored inverted (0 = full ink), as Photoshop writes it. */
    ADOBE_CMYK,
    /** Adobe APP14 transform 2: YCbCr of the inverted CMY, plus inverted K. */
    ADOBE_YCCK
  }

  private JpegFixtures() {}

  /** {@code upright} encoded as phones do: pixels stored for {@code orientation}, tag in APP1. */
  public static byte[] oriented(BufferedImage upright, int orientation, boolean littleEndian,
      float quality) {
    return withOrientation(jpeg(stored(upright, orientation), quality), orientation, littleEndian);
  }

  /** The stored picture that displays as {@code upright} under {@code orientation}. */
  public static BufferedImage stored(BufferedImage upright, int orientation) {
    int w = upright.getWidth();
    int h = upright.getHeight();
    boolean swap = Orientation.swapsAxes(orientation);
    int sw = swap ? h : w;
    int sh = swap ? w : h;
    BufferedImage stored = new BufferedImage(sw, sh, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int s = Orientation.sourceIndex(orientation, x, y, sw, sh);
        stored.setRGB(s % sw, s / sw, upright.getRGB(x, y));
      }
    }
    return stored;
  }

  /** {@code jpeg} with an EXIF APP1 segment carrying {@code orientation} inserted after SOI. */
  public static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
    // "Exif\0\0" + TIFF header (8) + IFD0 with one entry (2 + 12 + 4).
    byte[] tiff = new byte[8 + 2 + 12 + 4];
    tiff[0] = tiff[1] = (byte) (littleEndian ? 'I' : 'M');
    put16(tiff, 2, 42, littleEndian);
    put32(tiff, 4, 8, littleEndian);
    put16(tiff, 8, 1, littleEndian);
    put16(tiff, 10, 0x0112, littleEndian);
    put16(tiff, 12, 3, littleEndian); // SHORT
    put32(tiff, 14, 1, littleEndian);
    put16(tiff, 18, orientation, littleEndian);
    byte[] payload = concat("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        tiff);
    return insertAfterSoi(jpeg, segment(0xE1, payload));
  }

  /** A four-component JPEG of {@code rgb}'s colours (converted naively to CMYK). */
  public static byte[] fourComponent(BufferedImage rgb, FourComponent kind, float quality) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
    int[] px = new int[4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = rgb.getRGB(x, y);
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        int k = 255 - Math.max(r, Math.max(g, b));
        int white = 255 - k;
        int c = white == 0 ? 0 : (white - r) * 255 / white;
        int m = white == 0 ? 0 : (white - g) * 255 / white;
        int ye = white == 0 ? 0 : (white - b) * 255 / white;
        switch (kind) {
          case CMYK -> { px[0] = c; px[1] = m; px[2] = ye; px[3] = k; }
          case ADOBE_CMYK -> { px[0] = 255 - c; px[1] = 255 - m; px[2] = 255 - ye;
            px[3] = 255 - k; }
          default -> {
            // Inverted CMY is C, M, Y seen as R, G, B (libjpeg: C' = 255 - R); store its YCbCr.
            double luma = 0.299 * c + 0.587 * m + 0.114 * ye;
            px[0] = clamp(luma);
            px[1] = clamp(128 + (ye - luma) / 1.772);
            px[2] = clamp(128 + (c - luma) / 1.402);
            px[3] = 255 - k;
          }
        }
        raster.setPixel(x, y, px);
      }
    }
    byte[] jpeg = writeRaster(raster, quality);
    return switch (kind) {
      case CMYK -> jpeg;
      case ADOBE_CMYK -> insertAfterSoi(jpeg, adobe(0));
      case ADOBE_YCCK -> insertAfterSoi(jpeg, adobe(2));
    };
  }

  public static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param(writer, quality));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The JDK writer stores a raster's components as they are, without a colour transform. */
  private static byte[] writeRaster(Raster raster, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), param(writer, quality));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static ImageWriteParam param(ImageWriter writer, float quality) {
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    return param;
  }

  private static byte[] adobe(int transform) {
    byte[] data = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
    return segment(0xEE, data);
  }

  private static byte[] segment(int marker, byte[] payload) {
    byte[] seg = new byte[4 + payload.length];
    seg[0] = (byte) 0xFF;
    seg[1] = (byte) marker;
    seg[2] = (byte) ((payload.length + 2) >> 8);
    seg[3] = (byte) (payload.length + 2);
    System.arraycopy(payload, 0, seg, 4, payload.length);
    return seg;
  }

  private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
    byte[] out = new byte[jpeg.length + segment.length];
    System.arraycopy(jpeg, 0, out, 0, 2);
    System.arraycopy(segment, 0, out, 2, segment.length);
    System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void put16(byte[] b, int at, int v, boolean little) {
    b[at + (little ? 0 : 1)] = (byte) v;
    b[at + (little ? 1 : 0)] = (byte) (v >> 8);
  }

  private static void put32(byte[] b, int at, int v, boolean little) {
    for (int k = 0; k < 4; k++) {
      b[at + (little ? k : 3 - k)] = (byte) (v >> (8 * k));
    }
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
