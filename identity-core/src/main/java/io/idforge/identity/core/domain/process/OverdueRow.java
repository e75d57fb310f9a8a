package io.idforge.identity.core.domain.process;

import java.time.OffsetDateTime;

/**
 * What the expiry sweep's claim reads of a pending process past its deadline: the columns the
 * engine's expiry decision and the terminal event's snapshot need, and nothing sealed (the start
 * data stays in the table unopened: expiry never reads it, and opening it was a seventh of the
 * sweep's CPU). {@link IdentityProcess#claimed} turns it into the process the engine works on.
 */
public record OverdueRow(
    long id,
    String processId,
    String clientId,
    String accountId,
    String flowId,
    int flowVersion,
    String country,
    String createdVia,
    int currentStepIndex,
    int graceExtensions,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime expiresAt) {}
