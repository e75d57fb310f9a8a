package io.idforge.identity.core.domain.webhook;

import java.time.OffsetDateTime;

/**
 * The outcome of one send of a {@link ClaimedDelivery}, to be written if the row still carries the
 * lease: success, a failed attempt due again at {@code retryAt}, or (no {@code retryAt}) the last
 * failed attempt, after which the delivery is {@code failure}. Mirrors
 * {@link WebhookDelivery#succeeded} and {@link WebhookDelivery#attemptFailed}, written as one
 * statement per row instead of through the entity.
 *
 * @param attempts the attempt count after this attempt
 * @param error short and secret-free; null on success
 */
public record AttemptRecord(
    long id,
    OffsetDateTime leaseUntil,
    boolean delivered,
    Integer httpStatus,
    String error,
    int attempts,
    OffsetDateTime retryAt) {

  public AttemptRecord {
    if (error != null && error.length() > 200) {
      error = error.substring(0, 200);
    }
  }
}
