package io.idforge.identity.core.document.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.document.mrz.MrzCheckDigit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentNumberValidatorTest {

  @ParameterizedTest
  @CsvSource({
    "CO, national-id, ColombianCedulaValidator",
    "co, NATIONAL-ID, ColombianCedulaValidator",
    "MX, national-id, CurpValidator",
    "MX, curp, CurpValidator",
    "CL, national-id, RutValidator",
    "PE, national-id, PeruvianDniValidator",
    "BR, cpf, CpfValidator",
    "BR, driver-license, CpfValidator",
    "CO, passport, PassportNumberValidator",
    "VE, passport, PassportNumberValidator",
  })
  void picksTheAlgorithmByCountryAndType(String country, String type, String expected) {
    assertEquals(
        expected, DocumentNumberValidator.forCountry(country, type).getClass().getSimpleName());
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "CO, foreign-id",
        "VE, national-id",
        "CR, national-id",
        "NULL, national-id",
        "CO, NULL"
      },
      nullValues = "NULL")
  void skipsWhenNoAlgorithmApplies(String country, String type) {
    NumberCheck check = DocumentNumberValidator.forCountry(country, type).validate("123456");
    assertTrue(check.isSkipped());
    assertEquals("no_algorithm", check.reason());
    assertEquals(Optional.empty(), check.declinedReasonCode());
  }

  @Test
  void mapsFailuresToTheCatalogueCodes() {
    assertEquals(
        "invalid_document_number",
        DocumentNumberValidator.forCountry("CO", "national-id").validate("0123").declinedReason());
    assertEquals(
        "invalid_curp",
        DocumentNumberValidator.forCountry("MX", "national-id").validate("XXXX").declinedReason());
    assertEquals(
        "invalid_document_number",
        DocumentNumberValidator.forCountry("CL", "national-id")
            .validate("11.111.111-2")
            .declinedReason());
    assertEquals(
        "invalid_document_number",
        DocumentNumberValidator.forCountry("PE", "national-id").validate("1234").declinedReason());
    assertEquals(
        "invalid_document_number",
        DocumentNumberValidator.forCountry("BR", "cpf")
            .validate("111.111.111-11")
            .declinedReason());
    assertEquals(
        "invalid_mrz",
        PassportNumberValidator.withCheckDigit('7').validate("L898902C3").declinedReason());
  }

  @Test
  void passportNumbersAreCheckedAgainstTheirMrzDigit() {
    assertTrue(PassportNumberValidator.withCheckDigit('6').validate("L898902C3").isValid());
    assertTrue(PassportNumberValidator.withCheckDigit('6').validate("L898902C3<").isValid());
    String shortNumber = "AB12345";
    char digit = (char) ('0' + MrzCheckDigit.compute(shortNumber + "<<"));
    assertTrue(PassportNumberValidator.withCheckDigit(digit).validate(shortNumber).isValid());
    assertEquals(
        "bad_check_digit",
        PassportNumberValidator.withCheckDigit('5').validate("L898902C3").reason());
    assertTrue(PassportNumberValidator.formatOnly().validate("L898902C3").isValid());
    assertEquals(
        "bad_format", PassportNumberValidator.formatOnly().validate("L898902C3X").reason());
    assertEquals("bad_format", PassportNumberValidator.formatOnly().validate("L8989/02").reason());
  }

  @Test
  void resultsKeepTheirInvariants() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new NumberCheck(NumberCheck.Status.INVALID, "x", "r", null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new NumberCheck(NumberCheck.Status.VALID, "x", "r", null));
    assertInstanceOf(
        NumberCheck.class, new NumberCheck(NumberCheck.Status.SKIPPED, "none", "r", null));
  }
}
