package io.idforge.identity.core.document.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.pdf417.PDF417Writer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encodes a synthetic cédula payload with ZXing, distorts the image, and reads it back. */
class Pdf417RoundTripTest {

  static final String PAYLOAD =
      CedulaPayloads.payload(
          "1020304050", "NUÑEZ", "GOMEZ", "MARIA", "JOSE", "F", "19900115", "O+");

  static BufferedImage symbol;

  @BeforeAll
  static void encode() throws Exception {
    BitMatrix matrix =
        new PDF417Writer()
            .encode(
                PAYLOAD,
                BarcodeFormat.PDF_417,
                800,
                300,
                Map.of(EncodeHintType.ERROR_CORRECTION, 4, EncodeHintType.MARGIN, 10));
    symbol = MatrixToImageWriter.toBufferedImage(matrix);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 1.0",
    "90, 1.0",
    "180, 0.7",
    "5, 1.5",
    "-4, 2.0",
    "10, 1.0",
    "-8, 0.8",
    "270, 1.3"
  })
  void decodesAndParsesTheCedulaAfterRotationAndScaling(double degrees, double scale) {
    BufferedImage photo = rotateAndScale(symbol, degrees, scale);
    String text =
        Pdf417Reader.read(photo)
            .orElseThrow(() -> new AssertionError("no PDF417 at " + degrees + "°/" + scale));
    assertEquals(PAYLOAD, text, "byte compaction must round-trip NULs and Latin-1");
    ColombianCedulaBarcode cedula = ColombianCedulaBarcode.parse(text).orElseThrow();
    assertEquals("1020304050", cedula.documentNumber());
    assertEquals("NUÑEZ GOMEZ", cedula.surnames());
    assertEquals("MARIA JOSE", cedula.givenNames());
    assertEquals("F", cedula.gender());
    assertEquals(LocalDate.of(1990, 1, 15), cedula.dateOfBirth());
    assertEquals("O+", cedula.bloodType());
  }

  @Test
  void anImageWithoutABarcodeReadsAsEmpty() {
    BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 300);
    g.setColor(Color.BLACK);
    g.drawString("REPUBLICA DE COLOMBIA", 40, 150);
    g.dispose();
    assertTrue(Pdf417Reader.read(blank).isEmpty());
  }

  @Test
  void aNonCedulaSymbolDecodesButDoesNotParse() throws Exception {
    BitMatrix matrix =
        new PDF417Writer()
            .encode(
                "HELLO WORLD 12345",
                BarcodeFormat.PDF_417,
                400,
                150,
                Map.of(EncodeHintType.MARGIN, 10));
    String text = Pdf417Reader.read(MatrixToImageWriter.toBufferedImage(matrix)).orElseThrow();
    assertEquals("HELLO WORLD 12345", text);
    assertTrue(ColombianCedulaBarcode.parse(text).isEmpty());
  }

  /** Rotates about the centre onto a white, larger canvas, then scales, as a phone photo would. */
  static BufferedImage rotateAndScale(BufferedImage src, double degrees, double scale) {
    double radians = Math.toRadians(degrees);
    double sin = Math.abs(Math.sin(radians));
    double cos = Math.abs(Math.cos(radians));
    int w = (int) Math.ceil((src.getWidth() * cos + src.getHeight() * sin) * scale) + 40;
    int h = (int) Math.ceil((src.getWidth() * sin + src.getHeight() * cos) * scale) + 40;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    AffineTransform t = new AffineTransform();
    t.translate(w / 2.0, h / 2.0);
    t.scale(scale, scale);
    t.rotate(radians);
    t.translate(-src.getWidth() / 2.0, -src.getHeight() / 2.0);
    g.drawImage(src, t, null);
    g.dispose();
    return out;
  }
}
