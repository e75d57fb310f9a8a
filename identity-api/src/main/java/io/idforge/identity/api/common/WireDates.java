package io.idforge.identity.api.common;

import io.idforge.identity.api.error.InvalidInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The range of dates the API accepts: the four-digit years of ISO-8601, 0001-01-01 to 9999-12-31
 * (UTC for a date-time). {@code java.time} parses far more ({@code +999999999-12-31},
 * {@code -0001-01-01}), which the database either refuses (a 500) or stores as another date
 * (year -1 as 2 BC). Checked by every parser that reads a date, with the field named.
 */
public final class WireDates {

  /** Earliest accepted date. */
  public static final LocalDate MIN = LocalDate.of(1, 1, 1);

  /** Latest accepted date. */
  public static final LocalDate MAX = LocalDate.of(9999, 12, 31);

  private static final String RANGE = " must lie between 0001-01-01 and 9999-12-31";

  private WireDates() {}

  /** Returns {@code value} when it lies in the accepted range. */
  public static LocalDate checkDate(String field, LocalDate value) {
    if (value.isBefore(MIN) || value.isAfter(MAX)) {
      throw new InvalidInputException(field, field + RANGE);
    }
    return value;
  }

  /** Returns {@code value} when its UTC date lies in the accepted range. */
  public static OffsetDateTime checkDateTime(String field, OffsetDateTime value) {
    LocalDate utc = value.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    if (utc.isBefore(MIN) || utc.isAfter(MAX)) {
      throw new InvalidInputException(field, field + RANGE);
    }
    return value;
  }
}
