package io.idforge.identity.core.document.image;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an uploaded picture with ImageIO after sniffing its format from the magic bytes.
 *
 * <ul>
 *   <li>JPEG and PNG use the JDK's readers.
 *   <li>WEBP (lossy, lossless, with alpha) uses TwelveMonkeys' reader: the JDK ships none.
 *   <li>Pictures larger than the pixel budget are decoded with source subsampling, so a
 *       decompression bomb or a 200-megapixel photo cannot exhaust the heap; the original
 *       dimensions are still reported.
 *   <li>A JPEG's EXIF orientation is applied (phones store the sensor's rows and only tag the
 *       rotation), so the picture comes out as it is meant to be seen, and the reported
 *       dimensions are the displayed ones.
 *   <li>CMYK and YCCK JPEGs are read as a raw raster and converted to RGB by {@link
 *       CmykConversion}, honouring Adobe's inverted values.
 * </ul>
 *
 * The stream is memory-cached, so no temporary files are written whatever {@code
 * ImageIO.setUseCache} says.
 */
public final class ImageDecoder {

  /** Default pixel budget: 40 megapixels (about 120 MB as a 3-byte BGR image). */
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

  private final long maxPixels;

  /** A decoder that subsamples pictures above {@code maxPixels}. */
  public ImageDecoder(long maxPixels) {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
    this.maxPixels = maxPixels;
  }

  /** A decoder with the {@link #DEFAULT_MAX_PIXELS} budget. */
  public static ImageDecoder withDefaults() {
    return new ImageDecoder(DEFAULT_MAX_PIXELS);
  }

  /** The decoded picture, or the problem that prevented it. */
  public ImageDecoding decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return new ImageDecoding.NotDecoded(Optional.empty(), ImageDecoding.Problem.EMPTY);
    }
    Optional<ImageFormat> format = ImageFormat.sniff(bytes);
    if (format.isEmpty()) {
      return new ImageDecoding.NotDecoded(format, ImageDecoding.Problem.NOT_AN_IMAGE);
    }
    Optional<ImageReader> found = readerFor(format.get());
    if (found.isEmpty()) {
      return new ImageDecoding.NotDecoded(format, ImageDecoding.Problem.UNSUPPORTED);
    }
    ImageReader reader = found.get();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      ImageReadParam param = reader.getDefaultReadParam();
      int step = subsampling(width, height);
      if (step > 1) {
        param.setSourceSubsampling(step, step, 0, 0);
      }
      JpegHeader header =
          format.get() == ImageFormat.JPEG ? JpegHeader.parse(bytes) : JpegHeader.parse(null);
      BufferedImage image =
          header.components() == 4
              ? CmykConversion.toRgb(reader.readRaster(0, param), header)
              : reader.read(0, param);
      image = Orientation.apply(image, header.orientation());
      boolean swap = Orientation.swapsAxes(header.orientation());
      return new ImageDecoding.Decoded(
          format.get(), image, swap ? height : width, swap ? width : height);
    } catch (IOException | RuntimeException e) {
      // ImageIO signals damaged data with IIOException and, in some codecs, runtime exceptions.
      return new ImageDecoding.NotDecoded(format, ImageDecoding.Problem.CORRUPT);
    } finally {
      reader.dispose();
    }
  }

  /**
   * ImageIO's reader for the format; for WEBP, TwelveMonkeys' reader created directly. In an
   * application server ImageIO's registry is filled once with the server's class loader and never
   * sees a WAR's plugin jars, and registering ours there would pin this deployment's class loader
   * after an undeploy, so the reader is not looked up through the registry.
   */
  private static Optional<ImageReader> readerFor(ImageFormat format) {
    if (format == ImageFormat.WEBP) {
      return Optional.of(new WebPImageReaderSpi().createReaderInstance(null));
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mimeType());
    return readers.hasNext() ? Optional.of(readers.next()) : Optional.empty();
  }

  private int subsampling(int width, int height) {
    double pixels = (double) width * height;
    return pixels <= maxPixels ? 1 : (int) Math.ceil(Math.sqrt(pixels / maxPixels));
  }
}
