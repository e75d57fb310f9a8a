package io.idforge.identity.core.application.webhooks;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again: the n-th delay of a configured list (roughly exponential by
 * default, 1 min to 16 h, 7 attempts over more than 24 h), stretched by a random 0–{@code jitter}
 * share so that deliveries that failed together do not come back together. Jitter only ever
 * lengthens a delay, so the schedule's total is a lower bound of how long a delivery is tried.
 */
public final class RetrySchedule {

  private final List<Duration> delays;
  private final double jitter;
  private final DoubleSupplier random;

  public RetrySchedule(List<Duration> delays, double jitter, DoubleSupplier random) {
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be within [0, 1]");
    }
    this.delays = List.copyOf(delays);
    this.jitter = jitter;
    this.random = random;
  }

  /** Parses a comma-separated list of ISO-8601 durations ({@code PT1M,PT5M,...}). */
  public static List<Duration> parse(String configured) {
    List<Duration> out = new ArrayList<>();
    for (String part : configured.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        Duration d = Duration.parse(part.trim());
        if (d.isNegative()) {
          throw new IllegalArgumentException("identity.webhooks.retry-schedule has a negative delay");
        }
        out.add(d);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("identity.webhooks.retry-schedule entries are ISO-8601 durations", e);
      }
    }
    return out;
  }

  /** Attempts in all: the first plus one per delay. */
  public int maxAttempts() {
    return delays.size() + 1;
  }

  /** The shortest time from the first attempt to giving up (jitter only adds to it). */
  public Duration minimumSpan() {
    return delays.stream().reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * The wait before the next attempt after {@code attemptsMade} failed ones, or empty when the
   * delivery has had all its attempts.
   */
  public Optional<Duration> delayAfter(int attemptsMade) {
    if (attemptsMade < 1 || attemptsMade > delays.size()) {
      return Optional.empty();
    }
    Duration base = delays.get(attemptsMade - 1);
    long extra = (long) (base.toMillis() * jitter * random.getAsDouble());
    return Optional.of(base.plusMillis(extra));
  }
}
