package io.idforge.identity.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentDatesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1990-01-15",
        "19900115",
        "15/01/1990",
        "15-01-1990",
        "1990-01-15T00:00:00Z",
        "1990-01-15T23:30:00-05:00",
        "1990-01-15T00:00:00",
        " 1990-01-15 "
      })
  void acceptsTheDocumentedForms(String text) {
    assertEquals(Optional.of(LocalDate.of(1990, 1, 15)), DocumentDates.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "1990-02-30",
        "01/15/1990",
        "15.01.1990",
        "1990-01-15Tnoon",
        "yesterday",
        "900115"
      })
  void rejectsEverythingElse(String text) {
    assertEquals(Optional.empty(), DocumentDates.parse(text));
  }
}
