package io.idforge.identity.core.domain.webhook;

import java.time.OffsetDateTime;

/**
 * A pending delivery claimed by one drain: what signing needs, plus the lease that hides it from
 * other nodes. {@code leaseUntil} is the due time the claim wrote; recording an outcome only
 * applies while the row still carries it, so a node whose lease ran out (and whose row another
 * node has claimed since) cannot overwrite the other node's record.
 *
 * @param attempts attempts made before this one (the retry schedule picks the next delay from it)
 */
public record ClaimedDelivery(
    long id,
    String idempotencyKey,
    String endpointId,
    String eventId,
    String eventType,
    String eventAction,
    String object,
    OffsetDateTime eventAt,
    int attempts,
    OffsetDateTime leaseUntil) {}
