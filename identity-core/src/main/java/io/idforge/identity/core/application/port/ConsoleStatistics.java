package io.idforge.identity.core.application.port;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Aggregates the console's dashboard reads, each one query computed by the database and scoped to
 * one tenant ({@code clientId} is always a bound parameter, never optional). Ranges are half-open
 * on the process's creation time: {@code from <= created_at < to}.
 */
public interface ConsoleStatistics {

  /** Processes created on one UTC day with one status. */
  record DayCount(LocalDate day, String status, long count) {}

  /** A catalogued reason and how many processes ended with it. */
  record ReasonCount(String reason, long count) {}

  /** Processes of one flow version standing at (pending, failed) or past (succeeded) a step index. */
  record StepCount(int stepIndex, String status, long count) {}

  /** When one finished process was created and when it finished. */
  record Completion(OffsetDateTime createdAt, OffsetDateTime finishedAt) {}

  /** Open review tasks and the creation time of the oldest. */
  record OpenReviews(long count, Optional<OffsetDateTime> oldest) {}

  List<DayCount> processesPerDay(String clientId, OffsetDateTime from, OffsetDateTime to);

  /** The most frequent {@code declined_reason}s, most frequent first. */
  List<ReasonCount> topDeclinedReasons(String clientId, OffsetDateTime from, OffsetDateTime to, int limit);

  /** The most frequent {@code expired_reason}s, most frequent first. */
  List<ReasonCount> topExpiredReasons(String clientId, OffsetDateTime from, OffsetDateTime to, int limit);

  /** Processes of one flow version by the index of the step they stand at and their status. */
  List<StepCount> processesByStep(
      String clientId, String flowId, int flowVersion, OffsetDateTime from, OffsetDateTime to);

  /**
   * Creation and finish (the process's {@code succeeded}/{@code failed} event) of the finished
   * processes in the range, at most {@code limit}, most recent first.
   */
  List<Completion> completions(String clientId, OffsetDateTime from, OffsetDateTime to, int limit);

  OpenReviews openReviews(String clientId);
}
