package io.idforge.identity.api.validations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.flows.StepType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateValidationFormTest {

  static Map<String, List<String>> form(String... kv) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      f.computeIfAbsent(kv[i], k -> new ArrayList<>()).add(kv[i + 1]);
    }
    return f;
  }

  static void assertRejected(Map<String, List<String>> f, String field, String message) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> CreateValidationForm.parse(f));
    assertEquals(field, e.field());
    assertEquals("Invalid request: " + message, e.getMessage());
  }

  @Test
  void aDocumentValidationKeepsCountryUpperCasedAndItsType() {
    CreateValidationForm f =
        CreateValidationForm.parse(
            form("type", "document-validation", "user_authorized", "true", "country", "co",
                "document_type", "national-id", "timeout", "900"));
    assertEquals(StepType.DOCUMENT_VALIDATION, f.type());
    assertEquals("CO", f.country());
    assertEquals("national-id", f.documentType());
    assertEquals(900, f.timeoutSeconds());
    assertNull(f.accountId());
    assertNull(f.threshold());
  }

  @Test
  void aFaceValidationTakesAThresholdBetweenZeroAndOne() {
    CreateValidationForm f =
        CreateValidationForm.parse(
            form("type", "face-recognition", "user_authorized", "true", "account_id", "acc-1", "threshold", "0.8"));
    assertEquals(0.8, f.threshold());
    assertEquals("acc-1", f.accountId());
    assertRejected(
        form("type", "face-recognition", "user_authorized", "true", "threshold", "1.5"),
        "threshold", "invalid threshold: threshold must be a number between 0 and 1");
    assertRejected(
        form("type", "face-recognition", "user_authorized", "true", "threshold", "NaN"),
        "threshold", "invalid threshold: threshold must be a number between 0 and 1");
  }

  @Test
  void theUserMustHaveAuthorized() {
    assertRejected(form("type", "face-recognition"), "user_authorized",
        "user_authorized must be true: the user must authorize the validation");
    assertRejected(form("type", "face-recognition", "user_authorized", "false"), "user_authorized",
        "user_authorized must be true: the user must authorize the validation");
  }

  @Test
  void typeIsRequiredAndKnown() {
    assertRejected(form("user_authorized", "true"), "type", "type is required");
    assertRejected(form("type", "voice-recognition", "user_authorized", "true"), "type",
        "type must be one of " + StepType.allowedValues());
  }

  @ParameterizedTest
  @CsvSource({
    "email-verification, 601, timeout must be between 1 and 600 seconds for email-verification",
    "phone-verification, 0, timeout must be between 1 and 600 seconds for phone-verification",
    "face-recognition, 21601, timeout must be between 1 and 21600 seconds for face-recognition",
    "face-recognition, 5m, timeout must be a whole number"
  })
  void timeoutsFollowTruorasLimitsPerType(String type, String timeout, String message) {
    assertRejected(form("type", type, "user_authorized", "true", "timeout", timeout), "timeout", message);
  }

  @Test
  void documentsNeedCountryAndTypeAndAllGoesWithPassportsOnly() {
    assertRejected(form("type", "document-validation", "user_authorized", "true", "document_type", "national-id"),
        "country", "country is required for document-validation");
    assertRejected(form("type", "document-validation", "user_authorized", "true", "country", "CO"),
        "document_type", "document_type is required for document-validation");
    assertRejected(
        form("type", "document-validation", "user_authorized", "true", "country", "ALL", "document_type", "national-id"),
        "country", "country ALL goes with document_type passport, and only with it");
    assertRejected(
        form("type", "document-validation", "user_authorized", "true", "country", "CO", "document_type", "selfie"),
        "document_type", "document_type must be one of " + String.join(", ", CreateValidationForm.DOCUMENT_TYPES));
    assertEquals("passport",
        CreateValidationForm.parse(
            form("type", "document-validation", "user_authorized", "true", "country", "ALL", "document_type", "passport"))
            .documentType());
  }

  @Test
  void fieldsOfAnotherValidatorAreNamed() {
    assertRejected(form("type", "email-verification", "user_authorized", "true", "country", "CO"),
        "country", "country does not apply to email-verification");
    assertRejected(form("type", "document-validation", "user_authorized", "true", "country", "CO",
            "document_type", "national-id", "threshold", "0.5"),
        "threshold", "threshold does not apply to document-validation");
    assertRejected(form("type", "phone-verification", "user_authorized", "true", "email", "a@b.co"),
        "email", "email does not apply to phone-verification");
  }

  @Test
  void otpDestinationsAreNormalisedAndLanguageChecked() {
    CreateValidationForm phone =
        CreateValidationForm.parse(
            form("type", "phone-verification", "user_authorized", "true", "account_id", "a", "phone_number", "+573101234567"));
    assertEquals("+573101234567", phone.phoneNumber());
    assertRejected(form("type", "email-verification", "user_authorized", "true", "language", "pt"),
        "language", "language must be es or en");
  }

  @Test
  void allowedRetriesStayWithinTruorasMaximumPerType() {
    assertEquals(3, CreateValidationForm.parse(
        form("type", "document-validation", "user_authorized", "true", "country", "CO", "document_type", "national-id",
            "allowed_retries", "3")).allowedRetries());
    assertRejected(form("type", "face-recognition", "user_authorized", "true", "allowed_retries", "3"),
        "allowed_retries", "allowed_retries must be between 0 and 2 for face-recognition");
  }

  @Test
  void unknownAndRepeatedFieldsAreRefused() {
    InvalidInputException unknown =
        assertThrows(InvalidInputException.class,
            () -> CreateValidationForm.parse(form("type", "face-recognition", "user_authorized", "true", "selfie", "x")));
    assertEquals("selfie", unknown.field());
    assertRejected(form("type", "face-recognition", "type", "face-recognition", "user_authorized", "true"),
        "type", "type must be given only once");
  }
}
