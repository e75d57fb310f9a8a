package io.idforge.identity.core.domain.webtoken;

import java.time.OffsetDateTime;

/** What is recorded about a freshly signed web token (everything but the token). */
public record IssuedWebToken(
    String jti,
    String clientId,
    String keyType,
    String grant,
    String keyName,
    String username,
    String accountId,
    String flowId,
    String country,
    String redirectUrl,
    String documentType,
    String requestData,
    OffsetDateTime issuedAt,
    OffsetDateTime expiresAt) {}
