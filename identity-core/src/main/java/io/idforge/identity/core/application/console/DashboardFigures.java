package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.port.ConsoleStatistics.DayCount;
import io.idforge.identity.core.application.port.ConsoleStatistics.StepCount;
import io.idforge.identity.core.domain.process.ProcessStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arithmetic of the dashboard on the database's aggregates: days without processes filled in,
 * the funnel summed from where processes stand, the median completion time. Pure functions, so
 * they are tested without a database.
 */
public final class DashboardFigures {

  private DashboardFigures() {}

  /** One UTC day: processes created that day by status (every status present, 0 when none). */
  public record Day(LocalDate day, Map<ProcessStatus, Long> byStatus) {
    public Day {
      byStatus = Map.copyOf(byStatus);
    }

    public long total() {
      return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(ProcessStatus status) {
      return byStatus.getOrDefault(status, 0L);
    }
  }

  /**
   * One step of the funnel.
   *
   * @param reached processes that got to this step (standing at it or past it)
   * @param passed processes that went past it (standing at a later step, or succeeded)
   */
  public record FunnelStep(int index, String type, long reached, long passed) {
    /** Passed as a share of reached, 0..100 (0 when none reached). */
    public long passedPercent() {
      return reached == 0 ? 0 : Math.round(100.0 * passed / reached);
    }
  }

  /** Every day of {@code [from, to]} in order, with the counts found for it (zeros otherwise). */
  public static List<Day> days(LocalDate from, LocalDate to, List<DayCount> counts) {
    Map<LocalDate, Map<ProcessStatus, Long>> found = new HashMap<>();
    for (DayCount c : counts) {
      ProcessStatus status = ProcessStatus.fromWire(c.status()).orElse(null);
      if (status != null) {
        found.computeIfAbsent(c.day(), d -> new EnumMap<>(ProcessStatus.class)).merge(status, c.count(), Long::sum);
      }
    }
    List<Day> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Map<ProcessStatus, Long> byStatus = new EnumMap<>(ProcessStatus.class);
      for (ProcessStatus s : ProcessStatus.values()) {
        byStatus.put(s, found.getOrDefault(d, Map.of()).getOrDefault(s, 0L));
      }
      days.add(new Day(d, byStatus));
    }
    return days;
  }

  /**
   * The funnel of a flow version with {@code stepTypes}: a process standing at step index i has
   * reached steps 0..i and passed 0..i-1; a succeeded one stands past the last step (the engine
   * moves the index past the last step before it succeeds) and has passed them all.
   */
  public static List<FunnelStep> funnel(List<String> stepTypes, List<StepCount> counts) {
    int n = stepTypes.size();
    long[] standing = new long[n + 1];
    for (StepCount c : counts) {
      int at = ProcessStatus.SUCCESS.wireValue().equals(c.status()) ? n : Math.max(0, Math.min(c.stepIndex(), n));
      standing[at] += c.count();
    }
    List<FunnelStep> steps = new ArrayList<>();
    long atOrPast = 0;
    long[] reached = new long[n + 1];
    for (int i = n; i >= 0; i--) {
      atOrPast += standing[i];
      reached[i] = atOrPast;
    }
    for (int i = 0; i < n; i++) {
      steps.add(new FunnelStep(i, stepTypes.get(i), reached[i], reached[i + 1]));
    }
    return steps;
  }

  /** The median (mean of the middle two for an even count); empty without values. */
  public static Optional<Duration> median(List<Duration> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return Optional.of(sorted.get(mid));
    }
    return Optional.of(sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2));
  }

  /** "3 h 05 min", "12 min 40 s", "9 s": short and unambiguous in every language of the console. */
  public static String format(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 86_400) {
      return String.format(java.util.Locale.ROOT, "%d d %02d h", s / 86_400, s % 86_400 / 3600);
    }
    if (s >= 3600) {
      return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
    if (s >= 60) {
      return String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return s + " s";
  }
}
