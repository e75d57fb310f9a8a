package io.idforge.identity.core.document.mrz;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resolves the two-digit years of MRZ dates. A birth date takes the 21st century unless that puts
 * it after {@code today}, then the 20th; an expiry date always takes the 21st century (documents
 * that expired before 2000 are out of scope and would be declined as expired either way).
 */
final class MrzDates {

  private MrzDates() {}

  static Optional<LocalDate> birth(String yymmdd, LocalDate today) {
    return date(2000, yymmdd).flatMap(d -> d.isAfter(today) ? date(1900, yymmdd) : Optional.of(d));
  }

  static Optional<LocalDate> expiry(String yymmdd) {
    return date(2000, yymmdd);
  }

  private static Optional<LocalDate> date(int century, String yymmdd) {
    if (yymmdd.length() != 6 || !yymmdd.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.of(
              century + Integer.parseInt(yymmdd.substring(0, 2)),
              Integer.parseInt(yymmdd.substring(2, 4)),
              Integer.parseInt(yymmdd.substring(4, 6))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
