package io.idforge.identity.web.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a hand-driven clock. */
class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60), 4, now::get);

  @Test
  void aBurstOfTheLimitPassesThenTheNextWaitsForOneRefill() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), limiter.tryAcquire("a"), "unit " + i);
    }
    assertEquals(Optional.of(Duration.ofSeconds(20)), limiter.tryAcquire("a"), "one unit refills every 60/3 s");
    assertEquals(Optional.of(Duration.ofSeconds(20)), limiter.waitFor("a"), "a refused attempt spends nothing");
    now.addAndGet(Duration.ofSeconds(15).toNanos());
    assertEquals(Optional.of(Duration.ofSeconds(5)), limiter.waitFor("a"));
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    assertEquals(Optional.empty(), limiter.tryAcquire("a"));
    assertTrue(limiter.tryAcquire("a").isPresent());
  }

  @Test
  void keysAreIndependent() {
    for (int i = 0; i < 3; i++) {
      limiter.record("a");
    }
    assertTrue(limiter.waitFor("a").isPresent());
    assertEquals(Optional.empty(), limiter.waitFor("b"));
    assertEquals(Optional.empty(), limiter.tryAcquire("b"));
  }

  @Test
  void waitingNeverCreatesState() {
    for (int i = 0; i < 100; i++) {
      assertEquals(Optional.empty(), limiter.waitFor("probe-" + i));
    }
    assertEquals(0, limiter.trackedKeys());
  }

  @Test
  void theTableIsBoundedAndRefilledBucketsAreSweptFirst() {
    for (int i = 0; i < 4; i++) {
      limiter.record("k" + i);
    }
    assertEquals(4, limiter.trackedKeys());
    // Full: a new key is not tracked (its request still passes this limit).
    assertEquals(Optional.empty(), limiter.tryAcquire("newcomer"));
    assertEquals(4, limiter.trackedKeys());
    // Once the old buckets have refilled, they carry nothing and make room.
    now.addAndGet(Duration.ofSeconds(60).toNanos());
    limiter.record("newcomer");
    assertEquals(1, limiter.trackedKeys());
  }

  @Test
  void refusesNonsenseLimits() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new RateLimiter(0, Duration.ofSeconds(1), 1, now::get));
  }
}
