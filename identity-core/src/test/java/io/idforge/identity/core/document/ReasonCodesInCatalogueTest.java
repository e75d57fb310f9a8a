package io.idforge.identity.core.document;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.core.document.image.BlurCheck;
import io.idforge.identity.core.document.image.ImageDecoding;
import io.idforge.identity.core.document.image.ResolutionCheck;
import io.idforge.identity.core.document.image.UploadStatus;
import io.idforge.identity.core.document.numbers.NumberCheck;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every declined reason the document library can emit is a catalogued {@code declined_reason}. */
class ReasonCodesInCatalogueTest {

  static Set<String> emittedCodes() {
    Set<String> codes = new TreeSet<>(DataConsistency.reasonCodes());
    codes.add(NumberCheck.INVALID_DOCUMENT_NUMBER);
    codes.add(NumberCheck.INVALID_CURP);
    codes.add(NumberCheck.INVALID_MRZ);
    Arrays.stream(UploadStatus.values()).forEach(s -> s.declinedReason().ifPresent(codes::add));
    Arrays.stream(ImageDecoding.Problem.values()).forEach(p -> codes.add(p.declinedReason()));
    codes.add(BlurCheck.BLURRY_IMAGE);
    codes.add(ResolutionCheck.LOW_RESOLUTION_REASON);
    return codes;
  }

  @Test
  void everyEmittedCodeIsACataloguedDeclinedReason() {
    ReasonCatalogue catalogue = ReasonCatalogue.standard();
    Set<String> codes = emittedCodes();
    assertTrue(codes.size() >= 18, codes.toString());
    assertAll(
        codes.stream()
            .map(
                code ->
                    () ->
                        assertTrue(
                            catalogue.isDeclinedReason(code), code + " is not in reasons.csv")));
  }

  @Test
  void documentCodesBelongToDocumentValidation() {
    ReasonCatalogue catalogue = ReasonCatalogue.standard();
    assertAll(
        emittedCodes().stream()
            .map(
                code ->
                    () ->
                        assertTrue(
                            catalogue.all().stream()
                                .anyMatch(
                                    r ->
                                        r.code().equals(code)
                                            && r.validator().equals("document-validation")),
                            code + " has no document-validation row")));
  }
}
