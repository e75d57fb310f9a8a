package io.idforge.identity.core.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-endpoint breaker: opens after N consecutive failures of one endpoint only, then lets a probe through. */
class EndpointBreakersTest {

  static final Instant T0 = Instant.parse("2026-12-05T21:00:00Z");

  static EndpointBreakers breakers(Clock clock) {
    WebhookSettings settings = new WebhookSettings();
    settings.breakerFailures = 3;
    settings.breakerOpenFor = Duration.ofMinutes(1);
    EndpointBreakers b = new EndpointBreakers();
    b.settings = settings;
    b.clock = clock;
    return b;
  }

  @Test
  void opensAfterConsecutiveFailuresOfThatEndpointOnly() {
    EndpointBreakers b = breakers(Clock.fixed(T0, ZoneOffset.UTC));
    b.failed("WHE-dead");
    b.failed("WHE-dead");
    assertNull(b.openUntil("WHE-dead"), "closed below the threshold");
    b.failed("WHE-dead");
    assertEquals(T0.plusSeconds(60), b.openUntil("WHE-dead"));
    assertNull(b.openUntil("WHE-healthy"), "another endpoint is not affected");
  }

  @Test
  void successResetsAndTimeClosesForAProbe() {
    EndpointBreakers b = breakers(Clock.fixed(T0, ZoneOffset.UTC));
    b.failed("WHE-a");
    b.failed("WHE-a");
    b.succeeded("WHE-a");
    b.failed("WHE-a");
    assertNull(b.openUntil("WHE-a"), "the count restarted after a success");

    for (int i = 0; i < 3; i++) {
      b.failed("WHE-b");
    }
    assertEquals(T0.plusSeconds(60), b.openUntil("WHE-b"));
    b.clock = Clock.fixed(T0.plusSeconds(61), ZoneOffset.UTC);
    assertNull(b.openUntil("WHE-b"), "after open-for, one attempt may probe");
  }
}
