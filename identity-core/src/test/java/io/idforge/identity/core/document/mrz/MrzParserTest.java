package io.idforge.identity.core.document.mrz;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ICAO 9303 specimens (Part 4 TD3, Part 5 TD1, Part 6 TD2) and OCR-damaged variants of them. */
class MrzParserTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  static final MrzParser PARSER = MrzParser.at(TODAY);

  static final String TD3 =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
          + "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  static final String TD1 =
      "I<UTOD231458907<<<<<<<<<<<<<<<\n"
          + "7408122F1204159UTO<<<<<<<<<<<6\n"
          + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
  static final String TD2 =
      "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" + "D231458907UTO7408122F1204159<<<<<<<6";

  @Test
  void parsesTheTd3PassportSpecimen() {
    Mrz mrz = PARSER.parse(TD3).orElseThrow();
    assertAll(
        () -> assertEquals(MrzFormat.TD3, mrz.format()),
        () -> assertEquals("P", mrz.documentCode()),
        () -> assertEquals("UTO", mrz.issuingCountry()),
        () -> assertEquals("L898902C3", mrz.documentNumber()),
        () -> assertEquals('6', mrz.documentNumberCheckDigit()),
        () -> assertEquals("ERIKSSON", mrz.surnames()),
        () -> assertEquals("ANNA MARIA", mrz.givenNames()),
        () -> assertEquals("UTO", mrz.nationality()),
        () -> assertEquals(Optional.of(LocalDate.of(1974, 8, 12)), mrz.dateOfBirth()),
        () -> assertEquals("F", mrz.sex()),
        () -> assertEquals(Optional.of(LocalDate.of(2012, 4, 15)), mrz.expiryDate()),
        () -> assertEquals("ZE184226B", mrz.optionalData()),
        () -> assertEquals(new MrzChecks(true, true, true, true, true), mrz.checks()),
        () -> assertTrue(mrz.isValid()));
  }

  @Test
  void parsesTheTd1CardSpecimen() {
    Mrz mrz = PARSER.parse(TD1).orElseThrow();
    assertAll(
        () -> assertEquals(MrzFormat.TD1, mrz.format()),
        () -> assertEquals("I", mrz.documentCode()),
        () -> assertEquals("D23145890", mrz.documentNumber()),
        () -> assertEquals("ERIKSSON", mrz.surnames()),
        () -> assertEquals("ANNA MARIA", mrz.givenNames()),
        () -> assertEquals("UTO", mrz.nationality()),
        () -> assertEquals(Optional.of(LocalDate.of(1974, 8, 12)), mrz.dateOfBirth()),
        () -> assertEquals("F", mrz.sex()),
        () -> assertEquals(Optional.of(LocalDate.of(2012, 4, 15)), mrz.expiryDate()),
        () -> assertEquals("", mrz.optionalData()),
        () -> assertTrue(mrz.checks().allValid(), mrz.checks().toString()));
  }

  @Test
  void parsesTheTd2CardSpecimen() {
    Mrz mrz = PARSER.parse(TD2).orElseThrow();
    assertAll(
        () -> assertEquals(MrzFormat.TD2, mrz.format()),
        () -> assertEquals("I", mrz.documentCode()),
        () -> assertEquals("D23145890", mrz.documentNumber()),
        () -> assertEquals("ERIKSSON", mrz.surnames()),
        () -> assertEquals("ANNA MARIA", mrz.givenNames()),
        () -> assertEquals(Optional.of(LocalDate.of(1974, 8, 12)), mrz.dateOfBirth()),
        () -> assertEquals(Optional.of(LocalDate.of(2012, 4, 15)), mrz.expiryDate()),
        () -> assertTrue(mrz.checks().allValid(), mrz.checks().toString()));
  }

  @Test
  void detectsACorruptedDocumentNumberCheckDigit() {
    Mrz mrz = PARSER.parse(TD3.replace("L898902C36", "L898902C37")).orElseThrow();
    assertFalse(mrz.checks().documentNumber());
    assertFalse(mrz.checks().composite(), "the composite covers the number's check digit too");
    assertTrue(mrz.checks().dateOfBirth());
    assertFalse(mrz.isValid());
  }

  @Test
  void theCompositeDigitCatchesAnAlteredNumberWhoseOwnDigitWasFixedUp() {
    // A forger changes one character and recomputes that field's check digit, not the composite.
    String number = "L898902C4";
    String forged = number + MrzCheckDigit.compute(number);
    Mrz mrz = PARSER.parse(TD3.replace("L898902C36", forged)).orElseThrow();
    assertTrue(mrz.checks().documentNumber());
    assertFalse(mrz.checks().composite());
  }

  @Test
  void theCompositeDigitIsComputedOverTheIcaoFields() {
    String lower = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    String input = lower.substring(0, 10) + lower.substring(13, 20) + lower.substring(21, 43);
    assertEquals(0, MrzCheckDigit.compute(input));
    String td1Upper = "I<UTOD231458907<<<<<<<<<<<<<<<";
    String td1Middle = "7408122F1204159UTO<<<<<<<<<<<6";
    String td1Input =
        td1Upper.substring(5)
            + td1Middle.substring(0, 7)
            + td1Middle.substring(8, 15)
            + td1Middle.substring(18, 29);
    assertEquals(6, MrzCheckDigit.compute(td1Input));
  }

  @Test
  void findsTheZoneInsideNoisyOcrText() {
    String ocr =
        "PASSPORT  PASSEPORT  Utopia\n"
            + "Surname / Nom: ERIKSSON\n"
            + "\n"
            + "p<utoeriksson<<anna<maria«««««««««\n"
            + "L898902C36 UTO7408122F1204159ZE184226B<<<<<10   \n"
            + "signature\n";
    Mrz mrz = PARSER.parse(ocr).orElseThrow();
    assertEquals("L898902C3", mrz.documentNumber());
    assertEquals("ANNA MARIA", mrz.givenNames());
    assertTrue(mrz.checks().allValid());
  }

  @Test
  void correctsLetterDigitConfusionsOnlyInFieldsThatIcaoTypes() {
    // O for 0 in the birth date (numeric) and 0 for O in the surname (alphabetic).
    String ocr =
        "P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
            + "L898902C36UTO74O8122F1204159ZE184226B<<<<<10";
    Mrz mrz = PARSER.parse(ocr).orElseThrow();
    assertEquals("ERIKSSON", mrz.surnames());
    assertEquals(Optional.of(LocalDate.of(1974, 8, 12)), mrz.dateOfBirth());
    assertTrue(mrz.checks().allValid());
  }

  @Test
  void doesNotGuessInsideTheAlphanumericDocumentNumber() {
    Mrz mrz = PARSER.parse(TD3.replace("L898902C36", "L8989O2C36")).orElseThrow();
    assertEquals("L8989O2C3", mrz.documentNumber());
    assertFalse(mrz.checks().documentNumber());
  }

  @Test
  void resolvesBirthYearsSoTheyAreNotInTheFuture() {
    String born2019 = TD3.replace("7408122", "190101" + MrzCheckDigit.compute("190101"));
    String born1930 = TD3.replace("7408122", "300101" + MrzCheckDigit.compute("300101"));
    assertEquals(
        LocalDate.of(2019, 1, 1), PARSER.parse(born2019).orElseThrow().dateOfBirth().orElseThrow());
    assertEquals(
        LocalDate.of(1930, 1, 1), PARSER.parse(born1930).orElseThrow().dateOfBirth().orElseThrow());
  }

  @Test
  void readsALongTd1DocumentNumberFromTheOptionalData() {
    String number = "D231458907AB";
    String upper =
        "I<UTO"
            + number.substring(0, 9)
            + "<"
            + number.substring(9)
            + MrzCheckDigit.compute(number)
            + "<";
    upper = upper + "<".repeat(30 - upper.length());
    String middle = "7408122F1204159UTO<<<<<<<<<<<";
    String composite =
        upper.substring(5)
            + middle.substring(0, 7)
            + middle.substring(8, 15)
            + middle.substring(18, 29);
    middle = middle + MrzCheckDigit.compute(composite);
    Mrz mrz =
        PARSER.parse(upper + "\n" + middle + "\nERIKSSON<<ANNA<MARIA<<<<<<<<<<").orElseThrow();
    assertEquals(number, mrz.documentNumber());
    assertTrue(mrz.checks().allValid(), mrz.checks().toString());
  }

  @Test
  void aFillerSexIsUnspecified() {
    String lower = "L898902C36UTO7408122<1204159ZE184226B<<<<<1";
    String input = lower.substring(0, 10) + lower.substring(13, 20) + lower.substring(21, 43);
    Mrz mrz =
        PARSER.parse(TD3.substring(0, 45) + lower + MrzCheckDigit.compute(input)).orElseThrow();
    assertEquals("X", mrz.sex());
    assertTrue(mrz.checks().allValid());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "REPUBLICA DE COLOMBIA\nIDENTIFICACION PERSONAL\nCEDULA DE CIUDADANIA",
        // a visa (MRV-A) is not a TD3 passport
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
            + "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
        // one line of a TD3 only
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
      })
  void findsNothingWhereThereIsNoZone(String text) {
    assertTrue(PARSER.parse(text).isEmpty());
  }
}
