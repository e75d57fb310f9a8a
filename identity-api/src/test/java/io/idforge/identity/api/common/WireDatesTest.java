package io.idforge.identity.api.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.api.error.InvalidInputException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class WireDatesTest {

  @Test
  void dateTimesAreCheckedInUtc() {
    OffsetDateTime lastUtcSecond = OffsetDateTime.parse("9999-12-31T23:59:59Z");
    assertEquals(lastUtcSecond, WireDates.checkDateTime("end_date", lastUtcSecond));
    // 9999-12-31T20:00-05:00 is already year 10000 in UTC.
    InvalidInputException e =
        assertThrows(InvalidInputException.class,
            () -> WireDates.checkDateTime("end_date", OffsetDateTime.parse("9999-12-31T20:00:00-05:00")));
    assertEquals("Invalid request: end_date must lie between 0001-01-01 and 9999-12-31", e.getMessage());
    assertEquals("end_date", e.field());
    assertThrows(InvalidInputException.class,
        () -> WireDates.checkDateTime("start_date", OffsetDateTime.parse("+999999999-12-31T00:00:00Z")));
    assertThrows(InvalidInputException.class,
        () -> WireDates.checkDateTime("start_date", OffsetDateTime.parse("-0001-01-01T00:00:00Z")));
  }
}
