package io.idforge.identity.core.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default schedule's promise (at least 5 attempts over at least 24 h) and the jitter's bounds. */
class RetryScheduleTest {

  static final String DEFAULT = "PT1M,PT5M,PT30M,PT2H,PT6H,PT16H";

  @Test
  void defaultScheduleTriesAtLeastFiveTimesOverAtLeADay() {
    RetrySchedule s = new RetrySchedule(RetrySchedule.parse(DEFAULT), 0.2, () -> 0.0);
    assertTrue(s.maxAttempts() >= 5, "attempts: " + s.maxAttempts());
    assertEquals(7, s.maxAttempts());
    assertTrue(s.minimumSpan().compareTo(Duration.ofHours(24)) >= 0, "span: " + s.minimumSpan());
  }

  @Test
  void delaysGrowAndEndAfterTheLastAttempt() {
    RetrySchedule s = new RetrySchedule(RetrySchedule.parse(DEFAULT), 0.2, () -> 0.0);
    Duration previous = Duration.ZERO;
    for (int made = 1; made < s.maxAttempts(); made++) {
      Duration d = s.delayAfter(made).orElseThrow();
      assertTrue(d.compareTo(previous.multipliedBy(2)) >= 0, "roughly exponential at " + made);
      previous = d;
    }
    assertEquals(Optional.empty(), s.delayAfter(s.maxAttempts()));
    assertEquals(Optional.empty(), s.delayAfter(0));
  }

  @Test
  void jitterOnlyLengthensUpToItsShare() {
    RetrySchedule low = new RetrySchedule(RetrySchedule.parse("PT10M"), 0.2, () -> 0.0);
    RetrySchedule high = new RetrySchedule(RetrySchedule.parse("PT10M"), 0.2, () -> 0.999999);
    assertEquals(Duration.ofMinutes(10), low.delayAfter(1).orElseThrow());
    Duration top = high.delayAfter(1).orElseThrow();
    assertTrue(top.compareTo(Duration.ofMinutes(12)) <= 0 && top.compareTo(Duration.ofMinutes(11)) > 0, top.toString());
  }

  @Test
  void badConfigurationFailsFast() {
    assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("PT1M,soon"));
    assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(RetrySchedule.parse("PT1M"), 2, () -> 0));
  }
}
