package io.idforge.identity.api.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.api.apikeys.DocumentType;
import io.idforge.identity.api.error.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateAccountFormTest {

  static Map<String, List<String>> form(String... kv) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      f.computeIfAbsent(kv[i], k -> new ArrayList<>()).add(kv[i + 1]);
    }
    return f;
  }

  static void assertRejected(Map<String, List<String>> f, String field, String message) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> CreateAccountForm.parse(f));
    assertEquals(field, e.field());
    assertEquals(message, e.getMessage());
  }

  @Test
  void everyFieldIsOptional() {
    assertEquals(
        new CreateAccountForm(null, null, null, null, null, null, null, null, null, null, null),
        CreateAccountForm.parse(form()));
    assertNull(CreateAccountForm.parse(null).accountId());
  }

  @Test
  void parsesEveryField() {
    CreateAccountForm f =
        CreateAccountForm.parse(
            form(
                "account_id", "demo.test.2024",
                "email", " Ana@Example.com ",
                "country", "co",
                "document_number", "1020304050",
                "document_type", "national-id",
                "document_issue_date", "2000-05-24",
                "first_name", "Ana María",
                "last_name", "Pérez",
                "phone_number", "+57 310 123 4567",
                "facebook_user", "ana.perez",
                "twitter_user", "@anaperez"));
    assertEquals("demo.test.2024", f.accountId());
    assertEquals("Ana@example.com", f.email());
    assertEquals("CO", f.country());
    assertEquals("1020304050", f.documentNumber());
    assertEquals(DocumentType.NATIONAL_ID, f.documentType());
    assertEquals(LocalDate.of(2000, 5, 24), f.documentIssueDate());
    assertEquals("Ana María", f.firstName());
    assertEquals("Pérez", f.lastName());
    assertEquals("+573101234567", f.phoneNumber());
    assertEquals("ana.perez", f.facebookUser());
    assertEquals("@anaperez", f.twitterUser());
  }

  @Test
  void blankValuesAreAbsent() {
    CreateAccountForm f = CreateAccountForm.parse(form("email", "", "country", "  "));
    assertNull(f.email());
    assertNull(f.country());
  }

  @Test
  void unknownFieldIsRejected() {
    assertRejected(
        form("account_id", "a", "national_id", "1"),
        "national_id",
        "Invalid request: unknown field national_id");
  }

  @Test
  void duplicateFieldIsRejected() {
    assertRejected(
        form("email", "a@x.co", "email", "b@x.co"),
        "email",
        "Invalid request: email must be given only once");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user 1", "a/b", "ñ"})
  void badAccountId(String id) {
    assertRejected(
        form("account_id", id), "account_id", "Invalid request: account_id must match [a-zA-Z0-9_.-]+");
  }

  @Test
  void overlongAccountId() {
    assertRejected(
        form("account_id", "a".repeat(101)),
        "account_id",
        "Invalid request: account_id must be at most 100 characters");
  }

  @Test
  void badEmail() {
    assertRejected(
        form("email", "ana@"), "email", "Invalid request: email must be a valid email address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "COL", "1", "ALL"})
  void badCountry(String country) {
    assertRejected(
        form("country", country),
        "country",
        "Invalid request: country must be an ISO-3166 alpha-2 code");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10 20", "12/34", "#1"})
  void badDocumentNumber(String number) {
    assertRejected(
        form("document_number", number),
        "document_number",
        "Invalid request: document_number must match [A-Za-z0-9.-]{1,40}");
  }

  @Test
  void overlongDocumentNumber() {
    assertRejected(
        form("document_number", "1".repeat(41)),
        "document_number",
        "Invalid request: document_number must match [A-Za-z0-9.-]{1,40}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"driver-license", "pep", "visa"})
  void badDocumentType(String type) {
    assertRejected(
        form("document_type", type),
        "document_type",
        "Invalid request: document_type must be one of national-id, identity-card, foreign-id,"
            + " passport");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2000-02-30", "24/05/2000", "2000-5-24", "2000-05-24T00:00:00Z"})
  void badIssueDate(String date) {
    assertRejected(
        form("document_issue_date", date),
        "document_issue_date",
        "Invalid request: document_issue_date must be a date yyyy-MM-dd");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+999999999-12-31", "-0001-01-01", "0000-12-31", "+10000-01-01"})
  void issueDatesOutsideTheFourDigitYearsAreRefused(String date) {
    assertRejected(
        form("document_issue_date", date),
        "document_issue_date",
        "Invalid request: document_issue_date must lie between 0001-01-01 and 9999-12-31");
  }

  @Test
  void issueDatesAtTheEdgesOfTheRangeAreAccepted() {
    assertEquals(LocalDate.of(1, 1, 1), CreateAccountForm.parse(form("document_issue_date", "0001-01-01")).documentIssueDate());
    assertEquals(LocalDate.of(9999, 12, 31), CreateAccountForm.parse(form("document_issue_date", "9999-12-31")).documentIssueDate());
  }

  @Test
  void overlongNames() {
    for (String field : List.of("first_name", "last_name", "facebook_user", "twitter_user")) {
      assertRejected(
          form(field, "x".repeat(101)),
          field,
          "Invalid request: " + field + " must be 1 to 100 characters long");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"3101234567", "+570000000000", "+57 abc"})
  void badPhoneNumber(String phone) {
    assertRejected(
        form("phone_number", phone),
        "phone_number",
        "Invalid request: phone_number must be a valid phone number;"
            + " use +<country code><number>, e.g. +573101234567");
  }
}
