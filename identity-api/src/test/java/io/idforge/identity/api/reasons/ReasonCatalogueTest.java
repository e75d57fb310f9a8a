package io.idforge.identity.api.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReasonCatalogueTest {

  private final ReasonCatalogue catalogue = ReasonCatalogue.standard();

  @Test
  void hasEveryRow() {
    assertEquals(186, catalogue.all().size());
  }

  @Test
  void everyRowHasACodeAndADescription() {
    for (Reason r : catalogue.all()) {
      assertFalse(r.code().isBlank(), "empty code");
      assertFalse(r.description().isBlank(), "empty description for " + r.code());
    }
  }

  @Test
  void blurryImageIsAUserFixableDeclinedReasonThatTriggersReview() {
    assertTrue(catalogue.isDeclinedReason("blurry_image"));
    Reason r = catalogue.find(ReasonKind.DECLINED, "blurry_image", "document-validation").orElseThrow();
    assertTrue(r.isUserFixable());
    assertTrue(r.triggersManualReview());
  }

  @Test
  void validationNotPerformedIsAnExpiredReason() {
    assertTrue(catalogue.isExpiredReason("validation_not_performed"));
    assertFalse(catalogue.isDeclinedReason("validation_not_performed"));
  }

  @Test
  void inventedCodeIsUnknown() {
    for (ReasonKind kind : ReasonKind.values()) {
      assertFalse(catalogue.isKnown(kind, "moon_in_wrong_phase"));
    }
    assertFalse(catalogue.isDeclinedReason("moon_in_wrong_phase"));
  }
}
