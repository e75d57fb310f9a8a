package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.FlowService;
import io.idforge.identity.core.application.console.DashboardFigures.Day;
import io.idforge.identity.core.application.console.DashboardFigures.FunnelStep;
import io.idforge.identity.core.application.port.ConsoleStatistics;
import io.idforge.identity.core.application.port.ConsoleStatistics.Completion;
import io.idforge.identity.core.application.port.ConsoleStatistics.ReasonCount;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The console's dashboard read: for the actor's tenant and a range of UTC days, processes per day
 * by status, the top declined and expired reasons, the funnel of one flow version, the median time
 * to finish, and the open reviews. Every figure is an aggregate the database computes for this one
 * tenant ({@link ConsoleStatistics}); only the completion times of finished processes come back
 * row by row (two timestamps each, at most {@link #COMPLETIONS_SAMPLE}) because a median of a time
 * difference has no portable SQL.
 */
@Stateless
public class ConsoleInsights {

  /** The default range: the last 30 days, today included. */
  public static final int DEFAULT_DAYS = 30;

  /** The longest range one dashboard covers. */
  public static final int MAX_DAYS = 366;

  /** Reasons listed per kind. */
  static final int TOP_REASONS = 5;

  /** Finished processes the median looks at (the most recent ones when there are more). */
  static final int COMPLETIONS_SAMPLE = 20_000;

  @Inject ConsoleStatistics statistics;

  @Inject FlowService flows;

  @Inject Clock clock;

  /** The flow whose funnel is shown, at its current version. */
  public record FunnelFlow(String flowId, String name, int version, List<FunnelStep> steps) {}

  /**
   * Everything on the dashboard.
   *
   * @param completions how many finished processes the median was taken over
   */
  public record Dashboard(
      LocalDate from,
      LocalDate to,
      List<Day> days,
      List<ReasonCount> declined,
      List<ReasonCount> expired,
      Optional<FunnelFlow> funnel,
      Optional<Duration> medianToFinish,
      int completions,
      long openReviews,
      Optional<Duration> oldestReviewAge) {}

  /** Today in UTC, the last day of the default range. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /**
   * The dashboard of the actor's tenant for the UTC days {@code from..to} (null: the last
   * {@value #DEFAULT_DAYS} days), the funnel of {@code flowId} (null: the tenant's newest flow).
   *
   * @throws InvalidRequestException when {@code to} is before {@code from} or the range is longer
   *     than {@value #MAX_DAYS} days
   */
  public Dashboard dashboard(ConsoleActor actor, LocalDate from, LocalDate to, String flowId) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN, ConsoleRole.REVIEWER, ConsoleRole.AUDITOR);
    String clientId = actor.tenantCaller().clientId();
    LocalDate last = to != null ? to : today();
    LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1L);
    checkRange(first, last);
    OffsetDateTime start = first.atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime end = last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);

    List<Day> days = DashboardFigures.days(first, last, statistics.processesPerDay(clientId, start, end));
    List<Completion> finished = statistics.completions(clientId, start, end, COMPLETIONS_SAMPLE);
    Optional<Duration> median = DashboardFigures.median(
        finished.stream().map(c -> Duration.between(c.createdAt(), c.finishedAt())).toList());
    ConsoleStatistics.OpenReviews open = statistics.openReviews(clientId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    return new Dashboard(first, last, days,
        statistics.topDeclinedReasons(clientId, start, end, TOP_REASONS),
        statistics.topExpiredReasons(clientId, start, end, TOP_REASONS),
        funnel(actor, clientId, flowId, start, end),
        median, finished.size(), open.count(), open.oldest().map(o -> Duration.between(o, now)));
  }

  static void checkRange(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidRequestException("Invalid request: the end date is before the start date");
    }
    if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
      throw new InvalidRequestException("Invalid request: the range is longer than " + MAX_DAYS + " days");
    }
  }

  private Optional<FunnelFlow> funnel(
      ConsoleActor actor, String clientId, String flowId, OffsetDateTime start, OffsetDateTime end) {
    Optional<FlowService.FlowView> flow;
    if (flowId == null || flowId.isBlank()) {
      flow = flows.list(actor.tenantCaller(), null, 1).items().stream().findFirst();
    } else {
      // Another tenant's flow id is not found, like any foreign id.
      flow = Optional.of(flows.get(actor.tenantCaller(), flowId.trim()));
    }
    return flow.map(f -> {
      List<String> types = f.version().definition().steps().stream().map(FlowStep::type).map(t -> t.wireValue()).toList();
      List<FunnelStep> steps = DashboardFigures.funnel(types,
          statistics.processesByStep(clientId, f.flow().flowId(), f.flow().flowVersion(), start, end));
      return new FunnelFlow(f.flow().flowId(), f.version().definition().name(), f.flow().flowVersion(), steps);
    });
  }
}
