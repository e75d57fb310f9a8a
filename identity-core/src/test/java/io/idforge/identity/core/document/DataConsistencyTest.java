package io.idforge.identity.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.document.mrz.Mrz;
import io.idforge.identity.core.document.mrz.MrzCheckDigit;
import io.idforge.identity.core.document.mrz.MrzParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataConsistencyTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  static final DataConsistency CHECKS = new DataConsistency(18);

  static DocumentData cedula(String number, String birth) {
    return new DocumentData(
        "co", "national-id", number, "MARIA JOSE", "PEREZ GOMEZ", birth, "F", "2010-05-20", null);
  }

  /** validation_type → result, or result:reason when invalid. */
  static Map<String, String> outcome(List<CheckItem> items) {
    items.forEach(
        i ->
            assertTrue(
                i.reasonCode() == null || DataConsistency.reasonCodes().contains(i.reasonCode()),
                i.toString()));
    return items.stream()
        .collect(
            Collectors.toMap(
                CheckItem::validationType,
                i ->
                    i.result().wireValue() + (i.reasonCode() == null ? "" : ":" + i.reasonCode())));
  }

  @Test
  void aConsistentCedulaPassesEveryCheck() {
    List<CheckItem> items = CHECKS.check(cedula("1.020.304.050", "1990-01-15"), TODAY);
    assertEquals(
        Map.of(
            "document-number-validation", "valid",
            "names-validation", "valid",
            "gender-validation", "valid",
            "date-of-birth-validation", "valid",
            "age-above-threshold-validation", "valid",
            "minimum-age-validation", "valid",
            "expiration-date-validation", "skipped",
            "issue-date-validation", "valid"),
        outcome(items));
    assertEquals(Optional.empty(), DataConsistency.declinedReason(items));
  }

  @Test
  void theClockVariantUsesTheClocksDate() {
    Clock clock = Clock.fixed(Instant.parse("2008-01-14T12:00:00Z"), ZoneOffset.UTC);
    // Turns 18 on 2008-01-15: one day short.
    assertEquals(
        "invalid:underage",
        outcome(CHECKS.check(cedula("1020304050", "1990-01-15"), clock))
            .get("minimum-age-validation"));
    Clock nextDay = Clock.fixed(Instant.parse("2008-01-15T12:00:00Z"), ZoneOffset.UTC);
    assertEquals(
        "valid",
        outcome(CHECKS.check(cedula("1020304050", "1990-01-15"), nextDay))
            .get("minimum-age-validation"));
  }

  @Test
  void birthDatesMustParseAndNotBeInTheFuture() {
    assertEquals(
        "invalid:data_inconsistency",
        outcome(CHECKS.check(cedula("1020304050", "2026-03-02"), TODAY))
            .get("date-of-birth-validation"));
    assertEquals(
        "valid",
        outcome(CHECKS.check(cedula("1020304050", "2026-03-01"), TODAY))
            .get("date-of-birth-validation"));
    Map<String, String> garbled = outcome(CHECKS.check(cedula("1020304050", "1990-13-45"), TODAY));
    assertEquals("invalid:missing_date_of_birth", garbled.get("date-of-birth-validation"));
    assertEquals("skipped", garbled.get("age-above-threshold-validation"));
    assertEquals("skipped", garbled.get("minimum-age-validation"));
  }

  @Test
  void holdersOlderThanAHundredAreDeclined() {
    assertEquals(
        "invalid:age_above_threshold",
        outcome(CHECKS.check(cedula("1020304050", "1925-02-28"), TODAY))
            .get("age-above-threshold-validation"));
    assertEquals(
        "valid",
        outcome(CHECKS.check(cedula("1020304050", "1925-03-02"), TODAY))
            .get("age-above-threshold-validation"));
  }

  @Test
  void theMinimumAgeComesFromTheFlowAndZeroDisablesIt() {
    DocumentData minor = cedula("1020304050", "2012-06-01");
    assertEquals(
        "invalid:underage", outcome(CHECKS.check(minor, TODAY)).get("minimum-age-validation"));
    CheckItem disabled =
        new DataConsistency(0)
            .check(minor, TODAY).stream()
                .filter(i -> i.validationType().equals("minimum-age-validation"))
                .findFirst()
                .orElseThrow();
    assertEquals(CheckResult.SKIPPED, disabled.result());
    assertEquals("Validation is disabled by config", disabled.message());
  }

  @Test
  void expiredDocumentsAreDeclinedAndTheExpiryDayItselfIsValid() {
    DocumentData expired =
        new DocumentData(
            "PE",
            "national-id",
            "10117410",
            "ANA",
            "QUISPE",
            "1980-01-01",
            "F",
            "2018-01-01",
            "2026-02-28");
    assertEquals(
        "invalid:document_has_expired",
        outcome(CHECKS.check(expired, TODAY)).get("expiration-date-validation"));
    DocumentData lastDay =
        new DocumentData(
            "PE",
            "national-id",
            "10117410",
            "ANA",
            "QUISPE",
            "1980-01-01",
            "F",
            "2018-01-01",
            "2026-03-01");
    assertEquals("valid", outcome(CHECKS.check(lastDay, TODAY)).get("expiration-date-validation"));
  }

  @Test
  void issueDatesMustFitBetweenBirthTodayAndExpiry() {
    assertEquals("invalid:invalid_issue_date", issue("2027-01-01", null));
    assertEquals("invalid:invalid_issue_date", issue("1985-01-01", null)); // before birth in 1990
    assertEquals("invalid:invalid_issue_date", issue("2020-01-01", "2019-12-31"));
    assertEquals("invalid:invalid_issue_date", issue("20/20/2020", null));
    assertEquals("valid", issue("2020-01-01", "2030-01-01"));
  }

  private static String issue(String issueDate, String expiry) {
    DocumentData data =
        new DocumentData(
            "CO",
            "national-id",
            "1020304050",
            "JUAN",
            "PEREZ",
            "1990-01-15",
            "M",
            issueDate,
            expiry);
    return outcome(CHECKS.check(data, TODAY)).get("issue-date-validation");
  }

  @Test
  void documentNumbersAreCheckedByCountry() {
    assertEquals("invalid:invalid_document_number", number("CO", "national-id", "0123"));
    assertEquals("invalid:invalid_curp", number("MX", "national-id", "BOXW310820HNERXN08"));
    assertEquals("valid", number("MX", "national-id", "BOXW310820HNERXN09"));
    assertEquals("valid", number("CL", "national-id", "11.111.111-1"));
    assertEquals("invalid:invalid_document_number", number("BR", "cpf", "529.982.247-24"));
    assertEquals("skipped", number("VE", "national-id", "12345678"));
  }

  private static String number(String country, String type, String number) {
    DocumentData data =
        new DocumentData(country, type, number, "JUAN", "PEREZ", "1990-01-15", "M", null, null);
    return outcome(CHECKS.check(data, TODAY)).get("document-number-validation");
  }

  @Test
  void missingFieldsUseTheirMissingCodes() {
    DocumentData partial =
        new DocumentData("CO", "national-id", null, null, " ", null, "", null, null);
    DocumentData onlyName =
        new DocumentData("CO", "national-id", null, "JUAN", null, null, null, null, null);
    Map<String, String> items = outcome(CHECKS.check(onlyName, TODAY));
    assertEquals("invalid:missing_document_number", items.get("document-number-validation"));
    assertEquals("valid", items.get("names-validation"));
    assertEquals("invalid:missing_gender", items.get("gender-validation"));
    assertEquals("invalid:missing_date_of_birth", items.get("date-of-birth-validation"));
    assertEquals(
        Optional.of("missing_document_number"),
        DataConsistency.declinedReason(CHECKS.check(onlyName, TODAY)));
    assertTrue(partial.isEmpty());
    DocumentData noNames =
        new DocumentData(
            "CO", "national-id", "1020304050", null, null, "1990-01-15", "M", null, null);
    assertEquals(
        "invalid:missing_names", outcome(CHECKS.check(noNames, TODAY)).get("names-validation"));
    DocumentData passport =
        new DocumentData(
            "CO", "passport", "AB123456", "JUAN", "PEREZ", "1990-01-15", "M", null, null);
    assertEquals(
        "invalid:missing_expiration_date",
        outcome(CHECKS.check(passport, TODAY)).get("expiration-date-validation"));
  }

  @Test
  void nothingExtractedMeansNotRecognised() {
    List<CheckItem> items =
        CHECKS.check(
            new DocumentData("CO", "national-id", null, "", null, null, null, null, null), TODAY);
    assertEquals(1, items.size());
    assertEquals(
        "invalid:document_not_recognized", outcome(items).get("document-recognition-validation"));
  }

  @Test
  void aPassportIsVerifiedAgainstItsMrz() {
    // The ICAO TD3 specimen with its expiry moved to 2028 and the digits recomputed.
    String lower =
        "L898902C36UTO7408122F280415" + MrzCheckDigit.compute("280415") + "ZE184226B<<<<<1";
    lower +=
        MrzCheckDigit.compute(
            lower.substring(0, 10) + lower.substring(13, 20) + lower.substring(21, 43));
    String upper = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    Mrz mrz = MrzParser.at(TODAY).parse(upper + "\n" + lower).orElseThrow();
    assertTrue(mrz.isValid(), mrz.checks().toString());
    DocumentData data =
        new DocumentData(
            "UT",
            "passport",
            "L898902C3",
            "ANNA MARIA",
            "ERIKSSON",
            "1974-08-12",
            "F",
            null,
            "2028-04-15");
    Map<String, String> ok = outcome(CHECKS.check(data, mrz, TODAY));
    assertEquals("valid", ok.get("document-number-validation"));
    assertEquals("valid", ok.get("mrz-validation"));
    assertEquals("valid", ok.get("expiration-date-validation"));
    DocumentData misread =
        new DocumentData(
            "UT",
            "passport",
            "L898902C8",
            "ANNA MARIA",
            "ERIKSSON",
            "1974-08-12",
            "F",
            null,
            "2028-04-15");
    assertEquals(
        "invalid:invalid_mrz",
        outcome(CHECKS.check(misread, mrz, TODAY)).get("document-number-validation"));
    char composite = lower.charAt(43);
    String corruptedLower = lower.substring(0, 43) + (char) ('0' + (composite - '0' + 1) % 10);
    Mrz corrupted = MrzParser.at(TODAY).parse(upper + "\n" + corruptedLower).orElseThrow();
    assertEquals(
        "invalid:invalid_mrz", outcome(CHECKS.check(data, corrupted, TODAY)).get("mrz-validation"));
  }

  @Test
  void itemsKeepTheirInvariants() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CheckItem("n", "t", CheckResult.INVALID, "m", null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CheckItem("n", "t", CheckResult.VALID, "m", "blurry_image"));
    assertEquals("skipped", CheckResult.SKIPPED.wireValue());
  }
}
