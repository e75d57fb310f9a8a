package io.idforge.identity.core.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one source of time for the application; tests build services with a fixed clock instead.
 * It ticks in whole microseconds, the precision of {@code TIMESTAMP WITH TIME ZONE}: with
 * nanoseconds, an answer built from the new entity (e.g. the 201 of a create) showed a
 * {@code creation_date} that every later read, rounded by the database, contradicted.
 */
@ApplicationScoped
public class ClockProducer {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
