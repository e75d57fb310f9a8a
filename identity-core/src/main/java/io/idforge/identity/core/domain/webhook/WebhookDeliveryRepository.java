package io.idforge.identity.core.domain.webhook;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port for the delivery log and queue. */
public interface WebhookDeliveryRepository {

  void store(WebhookDelivery delivery);

  Optional<WebhookDelivery> find(String clientId, String idempotencyKey);

  /** A tenant's deliveries newest first below {@code beforeId}, up to {@code limit}. */
  List<WebhookDelivery> list(String clientId, long beforeId, int limit);

  /** A tenant's deliveries of events recorded in [from, to), oldest first, up to {@code limit}. */
  List<WebhookDelivery> listByEventTime(String clientId, OffsetDateTime from, OffsetDateTime to, int limit);

  /** A tenant's deliveries of the given events, oldest first, up to {@code limit}. */
  List<WebhookDelivery> listByEvents(String clientId, List<String> eventIds, int limit);

  /**
   * Claims up to {@code limit} pending deliveries due at {@code now}, in the caller's transaction:
   * one locking read that skips rows another node holds ({@code FOR UPDATE SKIP LOCKED}) and
   * returns what signing needs, then their due time moved to {@code claimUntil} (the lease, as
   * stored: {@link ClaimedDelivery#leaseUntil}). No entity is built.
   */
  List<ClaimedDelivery> claimDue(OffsetDateTime now, OffsetDateTime claimUntil, int limit);

  /**
   * Writes send outcomes, in the caller's transaction, each only if its row is still pending and
   * still carries the lease it was claimed with (else another node owns it now, or recorded it).
   *
   * @param now the time recorded as the rows' update
   * @return per record, whether it was written
   */
  boolean[] recordAttempts(List<AttemptRecord> records, OffsetDateTime now);

  Optional<WebhookDelivery> lock(long id);

  /** The deliveries with these surrogate ids, locked for update, in one statement. */
  List<WebhookDelivery> lockAll(Collection<Long> ids);

  /** Deletes finished deliveries created before {@code before}, up to {@code limit}; returns how many. */
  int purgeFinishedBefore(OffsetDateTime before, int limit);
}
