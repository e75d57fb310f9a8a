package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.pdf417.PDF417Writer;
import io.idforge.identity.core.TestData;
import io.idforge.identity.core.document.CheckResult;
import jakarta.enterprise.inject.Instance;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The in-house document inspection on generated (fictitious) Colombian cédulas: the back's PDF417
 * is read, the data checked, image quality measured; without OCR a document without a barcode is
 * an explicit "extraction off" state, never a pass.
 */
class DocumentInspectorTest {

  static DocumentInspector inspector() {
    DocumentInspector inspector = new DocumentInspector();
    inspector.recognizers = new None<>();
    inspector.registries = new None<>();
    inspector.clock = TestData.CLOCK;
    inspector.blurThreshold = 100;
    inspector.minWidth = 640;
    inspector.minHeight = 400;
    return inspector;
  }

  @Test
  void aSharpCedulaWithItsBarcodePassesWithTheDataReadFromIt() throws Exception {
    DocumentInspection result =
        inspector().inspect("CO", "national-id", png(front(false)), png(reverse("19880621")), 18);
    assertTrue(result.passed(), () -> "failure " + result.failure());
    assertEquals("1020304050", result.data().documentNumber());
    assertEquals("1988-06-21", result.data().dateOfBirth());
    assertEquals("O+", result.bloodType());
    assertEquals(CheckResult.SKIPPED, result.governmentDatabase().get(0).result(), "no registry configured");
  }

  @Test
  void aMinorIsDeclinedUnderTheFlowsMinimumAge() throws Exception {
    DocumentInspection result =
        inspector().inspect("CO", "national-id", png(front(false)), png(reverse("20150101")), 18);
    assertEquals("underage", result.failure());
  }

  @Test
  void aBlurredFrontFailsAsBlurryImageBeforeAnythingIsRead() throws Exception {
    DocumentInspection result =
        inspector().inspect("CO", "national-id", png(front(true)), png(reverse("19880621")), null);
    assertEquals("blurry_image", result.failure());
    assertTrue(result.dataConsistency().isEmpty());
  }

  @Test
  void withoutOcrADocumentWithoutBarcodeIsExtractionOffNotAPass() throws Exception {
    DocumentInspection result = inspector().inspect("MX", "national-id", png(front(false)), png(front(false)), null);
    assertTrue(result.extractionOff());
    assertFalse(result.passed());
    assertNull(result.failure());
  }

  @Test
  void detailsJsonCarriesTruorasGroups() throws Exception {
    DocumentInspection result =
        inspector().inspect("CO", "national-id", png(front(false)), png(reverse("19880621")), 18);
    String json = DocumentDetailsJson.of(result, "image/png", TestData.now());
    assertTrue(json.contains("\"document_number\":\"1020304050\""), json);
    assertTrue(json.contains("\"date_of_birth\":\"1988-06-21T00:00:00Z\""), json);
    assertTrue(json.contains("\"data_consistency\":[{"), json);
    assertTrue(json.contains("\"image_analysis\":[{"), json);
  }

  // --- fixtures: a fictitious person, drawn by the test ---------------------------------------

  static BufferedImage front(boolean blurred) {
    BufferedImage img = new BufferedImage(1000, 630, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(235, 240, 250));
    g.fillRect(0, 0, 1000, 630);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
    g.drawString("REPUBLICA DE COLOMBIA", 60, 80);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
    g.drawString("CEDULA DE CIUDADANIA  1.020.304.050", 60, 160);
    g.drawString("PEREZ GOMEZ", 60, 240);
    g.drawString("JUAN CARLOS", 60, 300);
    g.drawRect(700, 180, 220, 280);
    for (int i = 0; i < 20; i++) {
      g.drawLine(60, 360 + i * 12, 600, 360 + i * 12);
    }
    g.dispose();
    if (!blurred) {
      return img;
    }
    float[] k = new float[15 * 15];
    java.util.Arrays.fill(k, 1f / k.length);
    return new ConvolveOp(new Kernel(15, 15, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
  }

  static BufferedImage reverse(String birthYyyymmdd) throws Exception {
    String payload =
        "02" + "12345678" + "\0".repeat(14) + "PubDSK_1" + "\0".repeat(8) + "87654321" + "1020304050"
            + pad("PEREZ") + pad("GOMEZ") + pad("JUAN") + pad("CARLOS") + "0M" + birthYyyymmdd + "05" + "001" + "0"
            + "O+" + "\0";
    var matrix =
        new PDF417Writer()
            .encode(payload, BarcodeFormat.PDF_417, 900, 300,
                Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name(), EncodeHintType.MARGIN, 10));
    BufferedImage code = MatrixToImageWriter.toBufferedImage(matrix);
    BufferedImage img = new BufferedImage(1000, 630, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1000, 630);
    g.drawImage(code, 50, 250, null);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
    g.drawString("FECHA Y LUGAR DE NACIMIENTO", 60, 80);
    g.drawString("ESTATURA 1.75   G.S. RH O+   SEXO M", 60, 140);
    g.dispose();
    return img;
  }

  static String pad(String field) {
    return field + "\0".repeat(23 - field.length());
  }

  static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** An {@link Instance} with no bean: the provider is not installed. */
  static final class None<T> implements Instance<T> {
    @Override public Instance<T> select(Annotation... q) { return this; }
    @Override public <U extends T> Instance<U> select(Class<U> s, Annotation... q) { return new None<>(); }
    @Override public <U extends T> Instance<U> select(jakarta.enterprise.util.TypeLiteral<U> s, Annotation... q) { return new None<>(); }
    @Override public boolean isUnsatisfied() { return true; }
    @Override public boolean isAmbiguous() { return false; }
    @Override public void destroy(T instance) {}
    @Override public Handle<T> getHandle() { throw new IllegalStateException(); }
    @Override public Iterable<? extends Handle<T>> handles() { return java.util.List.of(); }
    @Override public T get() { throw new IllegalStateException("no bean"); }
    @Override public Iterator<T> iterator() { return java.util.Collections.emptyIterator(); }
  }
}
