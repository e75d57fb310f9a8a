package io.idforge.identity.core.domain.audit;

import java.time.OffsetDateTime;

/** Filters of the audit view; null means any. {@code clientId} null with {@code allTenants} lists everything (operators). */
public record AuditFilter(String clientId, boolean allTenants, String actor, String action, OffsetDateTime from,
    OffsetDateTime to) {}
