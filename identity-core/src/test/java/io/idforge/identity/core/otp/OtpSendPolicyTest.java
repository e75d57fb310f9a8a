package io.idforge.identity.core.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OtpSendPolicyTest {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-01T12:00:00Z");
  static final OtpSendPolicy POLICY = new OtpSendPolicy(Duration.ofSeconds(30), 5, 10, 1000);

  static OtpSendPolicy.Counts counts(OffsetDateTime last, long destination, long process, long tenant) {
    return new OtpSendPolicy.Counts(last, destination, process, tenant);
  }

  @Test
  void aFirstCodeGoesOut() {
    assertTrue(POLICY.check(counts(null, 0, 0, 0), NOW).isEmpty());
  }

  @Test
  void aSecondCodeWithinTheCooldownWaitsForWhatIsLeftOfIt() {
    OtpSendPolicy.Refusal r = POLICY.check(counts(NOW.minusSeconds(10), 1, 1, 1), NOW).orElseThrow();
    assertEquals("cooldown", r.limit());
    assertEquals(OtpSendPolicy.COOLDOWN, r.notice());
    assertEquals(Duration.ofSeconds(20), r.retryAfter());
    assertFalse(r.alarms(), "a user pressing twice is no alarm");
    assertTrue(POLICY.check(counts(NOW.minusSeconds(30), 1, 1, 1), NOW).isEmpty());
  }

  @Test
  void everyHourlyLimitRefusesAndAlarms() {
    assertEquals("per_destination", POLICY.check(counts(null, 5, 0, 0), NOW).orElseThrow().limit());
    assertEquals("per_process", POLICY.check(counts(null, 4, 10, 0), NOW).orElseThrow().limit());
    OtpSendPolicy.Refusal tenant = POLICY.check(counts(null, 0, 0, 1000), NOW).orElseThrow();
    assertEquals("per_tenant", tenant.limit());
    assertEquals(OtpSendPolicy.LIMIT_REACHED, tenant.notice());
    assertTrue(tenant.alarms());
    assertTrue(POLICY.check(counts(null, 4, 9, 999), NOW).isEmpty(), "just under every limit");
  }
}
