package io.idforge.identity.core.domain.process;

import java.time.OffsetDateTime;

/** Everything a new process copies from the web token that starts it. */
public record ProcessStart(
    String clientId,
    String accountId,
    String flowId,
    int flowVersion,
    String jti,
    String createdVia,
    String country,
    String redirectUrl,
    String startData,
    String ipAddress,
    OffsetDateTime expiresAt) {}
