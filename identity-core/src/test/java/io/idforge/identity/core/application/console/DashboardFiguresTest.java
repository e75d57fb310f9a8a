package io.idforge.identity.core.application.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.application.console.DashboardFigures.Day;
import io.idforge.identity.core.application.console.DashboardFigures.FunnelStep;
import io.idforge.identity.core.application.port.ConsoleStatistics.DayCount;
import io.idforge.identity.core.application.port.ConsoleStatistics.StepCount;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardFiguresTest {

  static final LocalDate D1 = LocalDate.of(2026, 11, 30);

  @Test
  void everyDayOfTheRangeIsPresentInOrderWithZerosForQuietDays() {
    List<Day> days = DashboardFigures.days(D1, D1.plusDays(3), List.of(
        new DayCount(D1.plusDays(2), "success", 4),
        new DayCount(D1, "failure", 2),
        new DayCount(D1.plusDays(2), "pending", 1),
        new DayCount(D1.plusDays(9), "success", 7))); // outside the range: ignored
    assertEquals(List.of(D1, D1.plusDays(1), D1.plusDays(2), D1.plusDays(3)), days.stream().map(Day::day).toList());
    assertEquals(2, days.get(0).count(ProcessStatus.FAILURE));
    assertEquals(0, days.get(0).count(ProcessStatus.SUCCESS));
    assertEquals(0, days.get(1).total());
    assertEquals(5, days.get(2).total());
    assertEquals(4, days.get(2).count(ProcessStatus.SUCCESS));
  }

  @Test
  void funnelSumsWhereProcessesStand() {
    // Three steps. 5 succeeded (index 3), 2 failed at step 1, 1 pending at step 2, 4 pending at step 0.
    List<FunnelStep> funnel = DashboardFigures.funnel(List.of("email-verification", "document-validation", "face-recognition"),
        List.of(new StepCount(3, "success", 5), new StepCount(1, "failure", 2), new StepCount(2, "pending", 1),
            new StepCount(0, "pending", 4)));
    assertEquals(3, funnel.size());
    assertEquals(new FunnelStep(0, "email-verification", 12, 8), funnel.get(0));
    assertEquals(new FunnelStep(1, "document-validation", 8, 6), funnel.get(1));
    assertEquals(new FunnelStep(2, "face-recognition", 6, 5), funnel.get(2));
    assertEquals(67, funnel.get(0).passedPercent());
    assertEquals(0, new FunnelStep(0, "x", 0, 0).passedPercent());
  }

  @Test
  void aSuccessCountsAsPastTheLastStepWhateverItsIndex() {
    // An override or an old row never makes a success count as stuck at a step.
    List<FunnelStep> funnel = DashboardFigures.funnel(List.of("email-verification"), List.of(new StepCount(0, "success", 3)));
    assertEquals(new FunnelStep(0, "email-verification", 3, 3), funnel.get(0));
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertTrue(DashboardFigures.median(List.of()).isEmpty());
    assertEquals(Duration.ofSeconds(30), DashboardFigures.median(List.of(Duration.ofSeconds(30))).orElseThrow());
    assertEquals(Duration.ofMinutes(5), DashboardFigures.median(
        List.of(Duration.ofHours(3), Duration.ofMinutes(5), Duration.ofSeconds(1))).orElseThrow());
    assertEquals(Duration.ofSeconds(15), DashboardFigures.median(
        List.of(Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(1))).orElseThrow());
  }

  @Test
  void durationsReadShort() {
    assertEquals("9 s", DashboardFigures.format(Duration.ofSeconds(9)));
    assertEquals("12 min 05 s", DashboardFigures.format(Duration.ofSeconds(725)));
    assertEquals("3 h 05 min", DashboardFigures.format(Duration.ofMinutes(185)));
    assertEquals("2 d 01 h", DashboardFigures.format(Duration.ofHours(49)));
  }

  @Test
  void rangesAreCheckedBeforeAnyQuery() {
    ConsoleInsights.checkRange(D1, D1);
    ConsoleInsights.checkRange(D1, D1.plusDays(ConsoleInsights.MAX_DAYS - 1));
    assertThrows(InvalidRequestException.class, () -> ConsoleInsights.checkRange(D1, D1.minusDays(1)));
    assertThrows(InvalidRequestException.class, () -> ConsoleInsights.checkRange(D1, D1.plusDays(ConsoleInsights.MAX_DAYS)));
  }
}
