package io.idforge.identity.core.otp;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Limits on sending one-time codes, against SMS bombing of one number and SMS-pumping fraud at the
 * tenant's cost: a cooldown between two sends of one validation, and hourly caps per destination
 * (across tenants), per process and per tenant. Plain logic over counts the caller reads.
 *
 * @param cooldown time between two codes of one validation
 * @param perDestinationPerHour codes one phone or address may receive in an hour
 * @param perProcessPerHour codes one process may send in an hour
 * @param perTenantPerHour codes one tenant may send in an hour
 */
public record OtpSendPolicy(
    Duration cooldown, int perDestinationPerHour, int perProcessPerHour, int perTenantPerHour) {

  /** Which limit refused a send, what the user is told, and when trying again makes sense. */
  public record Refusal(String limit, String notice, Duration retryAfter) {

    /** True for the limits that protect the tenant as a whole (the ones an operator must hear of). */
    public boolean alarms() {
      return !"cooldown".equals(limit);
    }
  }

  /** Notice while the cooldown runs. */
  public static final String COOLDOWN = "code_cooldown";

  /** Notice when an hourly limit is reached. */
  public static final String LIMIT_REACHED = "code_limit_reached";

  /** What the caller counted, in the last hour unless said otherwise. */
  public record Counts(
      OffsetDateTime lastSentForValidation, long toDestination, long inProcess, long forTenant) {}

  public Optional<Refusal> check(Counts counts, OffsetDateTime now) {
    if (counts.lastSentForValidation() != null) {
      Duration since = Duration.between(counts.lastSentForValidation(), now);
      if (since.compareTo(cooldown) < 0) {
        return Optional.of(new Refusal("cooldown", COOLDOWN, cooldown.minus(since)));
      }
    }
    if (counts.toDestination() >= perDestinationPerHour) {
      return Optional.of(new Refusal("per_destination", LIMIT_REACHED, Duration.ofHours(1)));
    }
    if (counts.inProcess() >= perProcessPerHour) {
      return Optional.of(new Refusal("per_process", LIMIT_REACHED, Duration.ofHours(1)));
    }
    if (counts.forTenant() >= perTenantPerHour) {
      return Optional.of(new Refusal("per_tenant", LIMIT_REACHED, Duration.ofHours(1)));
    }
    return Optional.empty();
  }
}
