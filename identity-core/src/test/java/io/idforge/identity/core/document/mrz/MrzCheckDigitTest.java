package io.idforge.identity.core.document.mrz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrzCheckDigitTest {

  @ParameterizedTest
  @CsvSource({
    // ICAO 9303 specimen fields
    "L898902C3, 6",
    "740812, 2",
    "120415, 9",
    "ZE184226B<<<<<, 1",
    "D23145890, 7",
    // 7-3-1 by hand: A=10 → 10*7 = 70 → 0; '<' counts 0
    "A, 0",
    "<<<<<<<<<, 0",
    "520727, 3"
  })
  void computesTheIcaoCheckDigit(String field, int expected) {
    assertEquals(expected, MrzCheckDigit.compute(field));
  }

  @Test
  void aFillerCheckDigitStandsForZero() {
    assertTrue(MrzCheckDigit.verify("<<<<<<<<<<<<<<", '<'));
    assertFalse(MrzCheckDigit.verify("ZE184226B<<<<<", '<'));
  }

  @Test
  void rejectsCharactersOutsideTheMrzSet() {
    assertThrows(IllegalArgumentException.class, () -> MrzCheckDigit.compute("l898"));
    assertFalse(MrzCheckDigit.verify("L89 8902C3", '6'));
    assertFalse(MrzCheckDigit.verify("L898902C3", 'X'));
  }
}
