package io.idforge.identity.web.rest.apikeys;

import io.idforge.identity.api.apikeys.ApiKeySummary;
import io.idforge.identity.api.apikeys.Grant;
import io.idforge.identity.api.apikeys.KeyType;
import io.idforge.identity.api.apikeys.CreateApiKeyForm;
import io.idforge.identity.core.application.WebTokenRequest;
import io.idforge.identity.core.domain.backendkey.BackendKey;
import io.idforge.identity.core.domain.webtoken.WebToken;
import java.time.OffsetDateTime;

/** Maps between the api-keys wire types and core. Summaries never carry a token. */
final class ApiKeyMapper {

  private ApiKeyMapper() {}

  static WebTokenRequest toRequest(CreateApiKeyForm form) {
    return new WebTokenRequest(
        form.keyType().wireValue(),
        form.grant() == null ? null : form.grant().wireValue(),
        form.apiKeyVersion(),
        form.country(),
        form.redirectUrl(),
        form.flowId(),
        form.accountId(),
        form.phones(),
        form.emails(),
        form.documentType() == null ? null : form.documentType().wireValue(),
        form.keyName(),
        form.metadata());
  }

  static ApiKeySummary summary(WebToken t, OffsetDateTime now) {
    String status =
        t.isRevoked() ? ApiKeySummary.REVOKED : t.isExpired(now) ? ApiKeySummary.EXPIRED : ApiKeySummary.ACTIVE;
    return new ApiKeySummary(
        t.jti(),
        KeyType.fromWire(t.keyType()).orElse(null),
        Grant.fromWire(t.grant()).orElse(null),
        t.keyName(),
        t.accountId(),
        t.flowId(),
        t.processId(),
        status,
        t.issuedAt(),
        t.expiresAt(),
        t.revokedAt());
  }

  /** A backend, generator or sdk key; backend keys show no {@code expiration_date} (revocation is their control). */
  static ApiKeySummary summary(BackendKey k, OffsetDateTime now) {
    KeyType type = KeyType.fromWire(k.keyType()).orElse(KeyType.BACKEND);
    String status =
        k.revokedAt() != null ? ApiKeySummary.REVOKED : k.isExpired(now) ? ApiKeySummary.EXPIRED : ApiKeySummary.ACTIVE;
    return new ApiKeySummary(
        k.keyId(),
        type,
        type == KeyType.BACKEND ? null : Grant.VALIDATIONS,
        k.keyName(),
        null,
        null,
        null,
        status,
        k.createdAt(),
        type == KeyType.BACKEND ? null : k.expiresAt(),
        k.revokedAt());
  }
}
