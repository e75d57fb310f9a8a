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

  /**
   * The indexed lookup answers as the file's order dictates: for every row's code, kind and
   * validator (and no validator, and an unknown one) the first matching row of the file, the
   * validator's own row first.
   */
  @Test
  void findAnswersTheFirstRowInFileOrderPreferringTheValidator() {
    for (Reason row : catalogue.all()) {
      for (String validator : new String[] {row.validator(), null, "no-such-validator"}) {
        Reason expected = firstInFileOrder(row.kind(), row.code(), validator);
        assertEquals(expected, catalogue.find(row.kind(), row.code(), validator).orElseThrow(),
            row.kind() + " " + row.code() + " " + validator);
      }
    }
    assertTrue(catalogue.find(ReasonKind.EXPIRED, null, null).isEmpty());
    assertTrue(catalogue.find(null, "blurry_image", null).isEmpty());
  }

  private Reason firstInFileOrder(ReasonKind kind, String code, String validator) {
    Reason fallback = null;
    for (Reason r : catalogue.all()) {
      if (r.kind() == kind && r.code().equals(code)) {
        if (r.validator().equals(validator)) {
          return r;
        }
        if (fallback == null) {
          fallback = r;
        }
      }
    }
    return fallback;
  }
}
