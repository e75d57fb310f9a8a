package io.idforge.identity.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The snapshots' dates are exactly {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s text. */
class EventSnapshotsTest {

  @Test
  void datesAreWrittenAsTheIsoFormatterWritesThem() {
    SplittableRandom random = new SplittableRandom(11);
    long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    int[] nanos = {0, 1, 10, 100_000, 120_000_000, 123_456_000, 123_456_789, 999_999_999, 500_000_000};
    for (int i = 0; i < 20_000; i++) {
      int nano = i % 2 == 0 ? nanos[i % nanos.length] : random.nextInt(1_000_000_000);
      long second = i < 200 ? Instant.parse("2026-03-01T12:00:00Z").getEpochSecond() + i : random.nextLong(from, to);
      assertSame(OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano), ZoneOffset.UTC));
    }
  }

  @Test
  void otherOffsetsAndFarYearsKeepTheFormatter() {
    assertSame(OffsetDateTime.parse("2026-03-01T07:00:05.5-05:00"));
    assertSame(OffsetDateTime.parse("+12026-03-01T07:00:00Z"));
    assertSame(OffsetDateTime.parse("-0001-03-01T07:00:00Z"));
    assertEquals("2026-03-01T12:00:00Z", EventSnapshots.date(OffsetDateTime.parse("2026-03-01T12:00Z")));
    assertEquals("2026-03-01T12:00:00.12Z", EventSnapshots.date(OffsetDateTime.parse("2026-03-01T12:00:00.120Z")));
  }

  private static void assertSame(OffsetDateTime t) {
    assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t), EventSnapshots.date(t), t::toString);
  }
}
