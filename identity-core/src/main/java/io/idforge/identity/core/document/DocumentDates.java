package io.idforge.identity.core.document;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Parses the dates found in extracted document data, strictly (no 31 February): ISO {@code
 * 1990-01-15}, Truora's RFC 3339 {@code 1990-01-15T00:00:00Z} (the written date is kept, not
 * shifted to another zone), compact {@code 19900115}, and the Latin-American day-first {@code
 * 15/01/1990} and {@code 15-01-1990}. Month-first dates are deliberately not accepted.
 */
public final class DocumentDates {

  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT));

  private DocumentDates() {}

  /** The date {@code text} denotes, or empty when it is blank or in none of the forms. */
  public static Optional<LocalDate> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.length() > 10 && t.charAt(10) == 'T') {
      return dateTime(t);
    }
    for (DateTimeFormatter format : FORMATS) {
      try {
        return Optional.of(LocalDate.parse(t, format));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> dateTime(String t) {
    try {
      return Optional.of(OffsetDateTime.parse(t).toLocalDate());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(t).toLocalDate());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
