package io.idforge.identity.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.application.console.DashboardFigures;
import io.idforge.identity.core.application.console.DashboardFigures.Day;
import io.idforge.identity.core.application.port.ConsoleStatistics.DayCount;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusChartTest {

  static final LocalDate D = LocalDate.of(2026, 12, 1);

  @Test
  void barsStackPerDayAndTheHighestDayFillsThePlot() {
    List<Day> days = DashboardFigures.days(D, D.plusDays(2), List.of(
        new DayCount(D, "success", 2), new DayCount(D, "failure", 2),
        new DayCount(D.plusDays(2), "pending", 1)));
    StatusChart chart = new StatusChart(days);
    assertEquals(4, chart.getMax());
    assertEquals(3, chart.getBars().size(), "no rectangle for a zero count");
    StatusChart.Bar success = chart.getBars().get(0);
    StatusChart.Bar failure = chart.getBars().get(1);
    assertEquals("success", success.status());
    assertEquals("failure", failure.status());
    double plot = chart.getBaseline() - chart.getTop();
    assertEquals(plot / 2, success.height(), 0.1);
    // Stacked: failure sits on top of success, and the pair reaches the top.
    assertEquals(success.y(), failure.y() + failure.height(), 0.2);
    assertEquals(chart.getTop(), failure.y(), 0.2);
    assertEquals(chart.getBaseline(), success.y() + success.height(), 0.2);
    StatusChart.Bar pending = chart.getBars().get(2);
    assertEquals(plot / 4, pending.height(), 0.1);
    assertTrue(pending.x() > failure.x());
    assertEquals("bar-pending", pending.getCssClass());
  }

  @Test
  void anEmptyRangeDrawsNothingAndLabelsAtMostNineDays() {
    List<Day> days = DashboardFigures.days(D, D.plusDays(29), List.of());
    StatusChart chart = new StatusChart(days);
    assertTrue(chart.getBars().isEmpty());
    assertEquals(1, chart.getMax());
    assertTrue(chart.getTicks().size() <= 9, chart.getTicks()::toString);
    assertEquals("12-30", chart.getTicks().get(chart.getTicks().size() - 1).text());
    // Evenly spaced: every fourth day, back from the last.
    assertEquals("12-26", chart.getTicks().get(chart.getTicks().size() - 2).text());
    assertEquals("12-02", chart.getTicks().get(0).text());
  }
}
