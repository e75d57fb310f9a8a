package io.idforge.identity.core.document.barcode;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.pdf417.PDF417Reader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one PDF417 symbol from a photo or scan with ZXing 3.5 ({@code TRY_HARDER}, not {@code
 * PURE_BARCODE}, so the symbol may sit anywhere in a larger picture). The payload is decoded as
 * ISO-8859-1 unless the symbol declares an ECI, so binary bytes survive as chars 0-255.
 *
 * <p>ZXing's detector tries the four right-angle orientations but, measured on a synthetic cédula
 * symbol, only tolerates about −4° to +5° of skew. When the picture as given fails with both
 * binarizers (hybrid, then global histogram for evenly lit scans), it is retried rotated by ±6° and
 * ±12° (hybrid only), which covers hand-held photos up to about ±16°. A picture without a symbol
 * therefore costs seven decode attempts; callers with large photos should downscale first.
 */
public final class Pdf417Reader {

  private static final Map<DecodeHintType, Object> HINTS =
      Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.PURE_BARCODE, Boolean.FALSE);

  private static final List<Function<LuminanceSource, Binarizer>> BINARIZERS =
      List.of(HybridBinarizer::new, GlobalHistogramBinarizer::new);

  private static final double[] DESKEW_DEGREES = {6, -6, 12, -12};

  private Pdf417Reader() {}

  /** The text of the PDF417 symbol in {@code image}, or empty when none can be decoded. */
  public static Optional<String> read(BufferedImage image) {
    LuminanceSource source = new BufferedImageLuminanceSource(image);
    for (Function<LuminanceSource, Binarizer> binarizer : BINARIZERS) {
      Optional<String> text = decode(binarizer.apply(source));
      if (text.isPresent()) {
        return text;
      }
    }
    for (double degrees : DESKEW_DEGREES) {
      Optional<String> text =
          decode(new HybridBinarizer(new BufferedImageLuminanceSource(rotate(image, degrees))));
      if (text.isPresent()) {
        return text;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> decode(Binarizer binarizer) {
    try {
      Result result = new PDF417Reader().decode(new BinaryBitmap(binarizer), HINTS);
      return Optional.of(result.getText());
    } catch (NotFoundException | FormatException | ChecksumException e) {
      return Optional.empty();
    }
  }

  /** {@code image} rotated about its centre onto a white canvas large enough to hold it. */
  private static BufferedImage rotate(BufferedImage image, double degrees) {
    double radians = Math.toRadians(degrees);
    double sin = Math.abs(Math.sin(radians));
    double cos = Math.abs(Math.cos(radians));
    int w = (int) Math.ceil(image.getWidth() * cos + image.getHeight() * sin);
    int h = (int) Math.ceil(image.getWidth() * sin + image.getHeight() * cos);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      AffineTransform t = new AffineTransform();
      t.translate(w / 2.0, h / 2.0);
      t.rotate(radians);
      t.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
