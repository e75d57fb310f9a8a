package io.idforge.identity.core.document.image;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
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
 *   <li>The dimensions the header declares are read first (ImageIO reads the PNG IHDR, the JPEG
 *       frame header, the WEBP VP8/VP8L/VP8X header, no pixel data; for WEBP every frame's own
 *       header too, see {@link WebpDimensions}) and a picture beyond the
 *       {@link ImageLimits} is refused as {@link ImageDecoding.Problem#OUT_OF_LIMITS} before any
 *       pixel is decoded: a 389 KB PNG declaring 1 × 200,000,000 pixels cost 18 s of a core and
 *       1.7 GB of allocation per upload when it was decoded with subsampling.
 *   <li>Decoding then takes a permit of the shared {@link DecodeBulkhead}, so only a bounded
 *       number of pictures are decoded at once; when none frees up in time, {@link #decode}
 *       throws {@link DecodeBusyException}. Refusals by magic bytes or limits need no permit.
 *   <li>Pictures within the limits but larger than the pixel budget are decoded with source
 *       subsampling (the limits keep the aspect ratio sane, so one step on both axes brings them
 *       under the budget); the original dimensions are still reported.
 *   <li>A JPEG's EXIF orientation is applied (phones store the sensor's rows and only tag the
 *       rotation), so the picture comes out as it is meant to be seen, and the reported
 *       dimensions are the displayed ones.
 *   <li>CMYK and YCCK JPEGs are read as a raw raster and converted to RGB by {@link
 *       CmykConversion}, honouring Adobe's inverted values.
 * </ul>
 *
 * The stream is memory-cached, so no temporary files are written whatever {@code
 * ImageIO.setUseCache} says. Thread-safe: one decoder is shared by every caller of a deployment
 * (see {@code ImageDecoderProducer}), which is what makes its bulkhead a bound.
 */
public final class ImageDecoder {

  /** Default pixel budget: 40 megapixels (about 120 MB as a 3-byte BGR image). */
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

  private final ImageLimits limits;
  private final long maxPixels;
  private final DecodeBulkhead bulkhead;

  /**
   * A decoder refusing pictures beyond {@code limits}, subsampling those above {@code maxPixels}
   * and decoding at most as many at once as {@code bulkhead} allows.
   */
  public ImageDecoder(ImageLimits limits, long maxPixels, DecodeBulkhead bulkhead) {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
    this.limits = Objects.requireNonNull(limits, "limits");
    this.maxPixels = maxPixels;
    this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
  }

  /**
   * A decoder with default limits and its own per-core bulkhead that subsamples pictures above
   * {@code maxPixels}; for plain-Java callers outside a deployment (tools, benchmarks).
   */
  public ImageDecoder(long maxPixels) {
    this(ImageLimits.defaults(), maxPixels, DecodeBulkhead.perCore());
  }

  /** A decoder with the {@link #DEFAULT_MAX_PIXELS} budget, default limits, its own bulkhead. */
  public static ImageDecoder withDefaults() {
    return new ImageDecoder(DEFAULT_MAX_PIXELS);
  }

  /** This decoder's limits and bulkhead (shared, not copied) with another pixel budget. */
  public ImageDecoder withPixelBudget(long budget) {
    return new ImageDecoder(limits, budget, bulkhead);
  }

  public ImageLimits limits() {
    return limits;
  }

  /** The bulkhead this decoder (and every decoder derived from it) draws permits from. */
  public DecodeBulkhead bulkhead() {
    return bulkhead;
  }

  /**
   * The decoded picture, or the problem that prevented it.
   *
   * @throws DecodeBusyException when the picture is within the limits but no decoding permit
   *     became free in time; the caller answers "busy, try again" without using up a try
   */
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
      // Header only: no reader decodes pixels for getWidth/getHeight.
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      Optional<String> violation = limits.violation(width, height);
      if (violation.isEmpty() && format.get() == ImageFormat.WEBP) {
        // The reader reports a WEBP's canvas; its frames declare their own sizes.
        violation = WebpDimensions.declared(bytes).stream()
            .map(s -> limits.violation(s.width(), s.height()))
            .flatMap(Optional::stream)
            .findFirst();
      }
      if (violation.isPresent()) {
        return new ImageDecoding.NotDecoded(
            format, ImageDecoding.Problem.OUT_OF_LIMITS, violation.get());
      }
      try (DecodeBulkhead.Permit permit = bulkhead.enter()) {
        return read(reader, format.get(), bytes, width, height);
      }
    } catch (DecodeBusyException e) {
      throw e; // not the picture's fault: the caller answers "busy, try again"
    } catch (IOException | RuntimeException e) {
      // ImageIO signals damaged data with IIOException and, in some codecs, runtime exceptions.
      return new ImageDecoding.NotDecoded(format, ImageDecoding.Problem.CORRUPT);
    } finally {
      reader.dispose();
    }
  }

  private ImageDecoding read(
      ImageReader reader, ImageFormat format, byte[] bytes, int width, int height)
      throws IOException {
    ImageReadParam param = reader.getDefaultReadParam();
    int step = subsampling(width, height, maxPixels);
    if (step > 1) {
      param.setSourceSubsampling(step, step, 0, 0);
    }
    JpegHeader header = format == ImageFormat.JPEG ? JpegHeader.parse(bytes) : JpegHeader.parse(null);
    BufferedImage image =
        header.components() == 4
            ? CmykConversion.toRgb(reader.readRaster(0, param), header)
            : reader.read(0, param);
    image = Orientation.apply(image, header.orientation());
    boolean swap = Orientation.swapsAxes(header.orientation());
    return new ImageDecoding.Decoded(format, image, swap ? height : width, swap ? width : height);
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

  /**
   * The smallest step on both axes that brings the subsampled picture (ceil(w / step) × ceil(h /
   * step) pixels) within {@code budget}; 1 when it already is.
   */
  static int subsampling(long width, long height, long budget) {
    int step = (int) Math.max(1, Math.floor(Math.sqrt((double) width * height / budget)));
    while (ceilDiv(width, step) * ceilDiv(height, step) > budget) {
      step++;
    }
    return step;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
