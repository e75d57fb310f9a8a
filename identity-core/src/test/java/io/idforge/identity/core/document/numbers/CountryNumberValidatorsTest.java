package io.idforge.identity.core.document.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid samples are public specimens or carry check digits computed here; invalid ones say why. */
class CountryNumberValidatorsTest {

  // --- Colombia ---

  @ParameterizedTest
  @ValueSource(strings = {"123", "1020304050", "1.020.304.050", "79 123 456", "52123456"})
  void acceptsColombianCedulas(String number) {
    assertTrue(new ColombianCedulaValidator().validate(number).isValid(), number);
  }

  @ParameterizedTest
  @CsvSource({
    "12, bad_length",
    "12345678901, bad_length",
    "0123456, leading_zero",
    "12A456, not_digits",
    "'', empty"
  })
  void rejectsMalformedColombianCedulas(String number, String reason) {
    assertEquals(reason, new ColombianCedulaValidator().validate(number).reason());
  }

  // --- Mexico ---

  @Test
  void acceptsCurpsWithTheirComputedCheckDigit() {
    // python-stdnum's documented sample, and constructed ones for both centuries.
    assertTrue(new CurpValidator().validate("BOXW310820HNERXN09").isValid());
    for (String base :
        new String[] {"GOME850101MDFRRR0", "PEXJ040229HJCRRNA", "AAXA991231MNEBBB1"}) {
      String curp = base + CurpValidator.checkDigit(base);
      assertTrue(new CurpValidator().validate(curp).isValid(), curp);
      assertTrue(new CurpValidator().validate(curp.toLowerCase()).isValid(), curp);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "BOXW310820HNERXN08, bad_check_digit",
    "BOXW310820HNERXN0, bad_length",
    "BOXW310820HZZRXN09, bad_format", // state ZZ does not exist
    "BOXW310820JNERXN09, bad_format", // sex must be H or M
    "B1XW310820HNERXN09, bad_format",
    "BXXW310820HNEAXN09, bad_format", // inner consonants cannot hold a vowel
  })
  void rejectsMalformedCurps(String curp, String reason) {
    assertEquals(reason, new CurpValidator().validate(curp).reason());
  }

  @Test
  void rejectsCurpsWithImpossibleDatesOrReplacedWords() {
    String feb29Of1901 = "PEXJ010229HJCRRN0"; // digit differentiator: born 1901, not a leap year
    assertEquals(
        "bad_date",
        new CurpValidator().validate(feb29Of1901 + CurpValidator.checkDigit(feb29Of1901)).reason());
    String word = "PUTO850101HDFRRR0";
    assertEquals(
        "forbidden_word",
        new CurpValidator().validate(word + CurpValidator.checkDigit(word)).reason());
  }

  // --- Chile ---

  @ParameterizedTest
  @ValueSource(strings = {"11.111.111-1", "111111111", "11111111-1", "12.345.678-5", "1-9"})
  void acceptsChileanRuts(String rut) {
    assertTrue(new RutValidator().validate(rut).isValid(), rut);
  }

  @Test
  void acceptsRutsWhoseVerifierIsK() {
    String body = findBodyWithVerifier('K');
    assertTrue(new RutValidator().validate(body + "-K").isValid());
    assertTrue(new RutValidator().validate(body + "k").isValid());
  }

  @ParameterizedTest
  @CsvSource({
    "11.111.111-2, bad_check_digit",
    "111.111.111-1, bad_length",
    "1A.111.111-1, bad_format",
    "'', empty",
    "01111111-1, leading_zero"
  })
  void rejectsMalformedRuts(String rut, String reason) {
    assertEquals(reason, new RutValidator().validate(rut).reason());
  }

  // --- Peru ---

  @Test
  void acceptsPeruvianDnisWithAndWithoutTheirCheckCharacter() {
    assertTrue(new PeruvianDniValidator().validate("10117410").isValid());
    assertTrue(new PeruvianDniValidator().validate("10117410-2").isValid()); // python-stdnum sample
    assertEquals('2', PeruvianDniValidator.checkDigit("10117410"));
    char letter = PeruvianDniValidator.checkLetter("10117410");
    assertTrue(new PeruvianDniValidator().validate("10117410" + letter).isValid());
  }

  @ParameterizedTest
  @CsvSource({
    "10117410-3, bad_check_digit",
    "1011741, bad_length",
    "1011741A, not_digits",
    "1011741023, bad_length"
  })
  void rejectsMalformedPeruvianDnis(String dni, String reason) {
    assertEquals(reason, new PeruvianDniValidator().validate(dni).reason());
  }

  // --- Brazil ---

  @Test
  void acceptsCpfs() {
    assertTrue(new CpfValidator().validate("529.982.247-25").isValid());
    assertTrue(new CpfValidator().validate("52998224725").isValid());
    String base = "123456789";
    assertEquals("09", CpfValidator.checkDigits(base));
    assertTrue(new CpfValidator().validate(base + CpfValidator.checkDigits(base)).isValid());
  }

  @ParameterizedTest
  @CsvSource({
    "529.982.247-24, bad_check_digit",
    "111.111.111-11, repeated_digits",
    "000.000.000-00, repeated_digits",
    "5299822472, bad_length",
    "529.982.247-2X, not_digits"
  })
  void rejectsInvalidCpfs(String cpf, String reason) {
    assertEquals(reason, new CpfValidator().validate(cpf).reason());
  }

  private static String findBodyWithVerifier(char wanted) {
    for (int body = 1_000_000; ; body++) {
      if (RutValidator.verifier(Integer.toString(body)) == wanted) {
        return Integer.toString(body);
      }
    }
  }
}
