package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.DashboardFigures.Day;
import io.idforge.identity.core.domain.process.ProcessStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the dashboard's "processes per day by status" chart: one stacked bar per day
 * (success at the bottom, then failure, then pending), in SVG user units. The page draws the
 * rectangles as they are, with no script; the same numbers are in the table next to it.
 */
public final class StatusChart {

  public static final int WIDTH = 760;
  public static final int HEIGHT = 240;
  static final int LEFT = 44;
  static final int RIGHT = 8;
  static final int TOP = 12;
  static final int BOTTOM = 28;

  /** Bottom to top. */
  static final List<ProcessStatus> STACK = List.of(ProcessStatus.SUCCESS, ProcessStatus.FAILURE, ProcessStatus.PENDING);

  /** One rectangle: a status's share of one day. */
  public record Bar(String day, String status, long count, double x, double y, double width, double height) {
    public String getCssClass() {
      return "bar-" + status;
    }
  }

  /** A label under the x axis. */
  public record Tick(String text, double x) {}

  private final List<Bar> bars = new ArrayList<>();
  private final List<Tick> ticks = new ArrayList<>();
  private final long max;

  public StatusChart(List<Day> days) {
    long highest = days.stream().mapToLong(Day::total).max().orElse(0);
    max = Math.max(1, highest);
    int n = Math.max(1, days.size());
    double slot = (double) (WIDTH - LEFT - RIGHT) / n;
    double barWidth = Math.max(1, slot * 0.7);
    double plot = HEIGHT - TOP - BOTTOM;
    int every = Math.max(1, (int) Math.ceil(n / 8.0));
    for (int i = 0; i < days.size(); i++) {
      Day d = days.get(i);
      double x = LEFT + i * slot + (slot - barWidth) / 2;
      double base = HEIGHT - BOTTOM;
      for (ProcessStatus s : STACK) {
        long c = d.count(s);
        if (c > 0) {
          double h = plot * c / max;
          base -= h;
          bars.add(new Bar(d.day().toString(), s.wireValue(), c, round(x), round(base), round(barWidth), round(h)));
        }
      }
      // Counted from the last day, so the latest day is always labelled and labels never crowd.
      if ((days.size() - 1 - i) % every == 0) {
        ticks.add(new Tick(d.day().toString().substring(5), round(x + barWidth / 2)));
      }
    }
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  public List<Bar> getBars() {
    return bars;
  }

  public List<Tick> getTicks() {
    return ticks;
  }

  /** The highest day's total, the top of the y axis. */
  public long getMax() {
    return max;
  }

  public int getWidth() {
    return WIDTH;
  }

  public int getHeight() {
    return HEIGHT;
  }

  public int getLeft() {
    return LEFT;
  }

  public int getTop() {
    return TOP;
  }

  public int getBaseline() {
    return HEIGHT - BOTTOM;
  }

  public int getRight() {
    return WIDTH - RIGHT;
  }
}
