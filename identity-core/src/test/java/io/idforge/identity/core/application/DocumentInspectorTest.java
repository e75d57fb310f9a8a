package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.TestData;
import io.idforge.identity.core.document.CheckResult;
import io.idforge.identity.core.document.image.ImageDecoder;
import io.idforge.identity.core.fixtures.ImageBombs;
import io.idforge.identity.core.fixtures.SyntheticDocuments;
import jakarta.enterprise.inject.Instance;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.util.Iterator;
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
    inspector.decoder = ImageDecoder.withDefaults();
    inspector.blurThreshold = 100;
    inspector.minWidth = 640;
    inspector.minHeight = 400;
    return inspector;
  }

  @Test
  void aSharpCedulaWithItsBarcodePassesWithTheDataReadFromIt() throws Exception {
    DocumentInspection result =
        inspector().inspect("CO", "national-id", png(SyntheticDocuments.front(false)), png(SyntheticDocuments.reverse("19880621")), 18);
    assertTrue(result.passed(), () -> "failure " + result.failure());
    assertEquals("1020304050", result.data().documentNumber());
    assertEquals("1988-06-21", result.data().dateOfBirth());
    assertEquals("O+", result.bloodType());
    assertEquals(CheckResult.SKIPPED, result.governmentDatabase().get(0).result(), "no registry configured");
  }

  @Test
  void aMinorIsDeclinedUnderTheFlowsMinimumAge() throws Exception {
    DocumentInspection result =
        inspector().inspect("CO", "national-id", png(SyntheticDocuments.front(false)), png(SyntheticDocuments.reverse("20150101")), 18);
    assertEquals("underage", result.failure());
  }

  @Test
  void aBlurredFrontFailsAsBlurryImageBeforeAnythingIsRead() throws Exception {
    DocumentInspection result =
        inspector().inspect("CO", "national-id", png(SyntheticDocuments.front(true)), png(SyntheticDocuments.reverse("19880621")), null);
    assertEquals("blurry_image", result.failure());
    assertTrue(result.dataConsistency().isEmpty());
  }

  @Test
  void withoutOcrADocumentWithoutBarcodeIsExtractionOffNotAPass() throws Exception {
    DocumentInspection result = inspector().inspect("MX", "national-id", png(SyntheticDocuments.front(false)), png(SyntheticDocuments.front(false)), null);
    assertTrue(result.extractionOff());
    assertFalse(result.passed());
    assertNull(result.failure());
  }

  @Test
  void detailsJsonCarriesTruorasGroups() throws Exception {
    DocumentInspection result =
        inspector().inspect("CO", "national-id", png(SyntheticDocuments.front(false)), png(SyntheticDocuments.reverse("19880621")), 18);
    String json = DocumentDetailsJson.of(result, "image/png", TestData.now());
    assertTrue(json.contains("\"document_number\":\"1020304050\""), json);
    assertTrue(json.contains("\"date_of_birth\":\"1988-06-21T00:00:00Z\""), json);
    assertTrue(json.contains("\"data_consistency\":[{"), json);
    assertTrue(json.contains("\"image_analysis\":[{"), json);
  }

  @Test
  void aFrontDeclaringGigapixelsIsDeclinedAsUnreadableWithoutBeingDecoded() throws Exception {
    DocumentInspection result = inspector().inspect("CO", "national-id",
        ImageBombs.jpegDeclaring(40_000, 40_000), png(SyntheticDocuments.reverse("19880621")), null);
    assertEquals("invalid_or_corrupted_image_file", result.failure());
    assertEquals("The front image is too large to read: 40000x40000 has a side over 12000 px",
        result.imageAnalysis().get(0).message());
    assertTrue(result.dataConsistency().isEmpty(), "nothing read from it");
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
