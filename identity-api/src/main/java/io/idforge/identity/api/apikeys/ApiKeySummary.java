package io.idforge.identity.api.apikeys;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.time.OffsetDateTime;

/**
 * One entry of {@code GET /v1/api-keys}: metadata about an issued key. Never carries the token or
 * any secret derived from it.
 *
 * @param apiKeyId {@code api_key_id}, the key's public id (for backend keys) or the token's
 *     {@code jti}
 * @param keyType {@code key_type}
 * @param grant {@code grant}, null for backend keys
 * @param keyName {@code key_name}
 * @param accountId {@code account_id} of a web token
 * @param flowId {@code flow_id} of a web token
 * @param processId {@code process_id} once the token started a process
 * @param status {@code status}: {@link #ACTIVE}, {@link #REVOKED} or {@link #EXPIRED}
 * @param creationDate {@code creation_date}
 * @param expirationDate {@code expiration_date}, null when the key does not expire
 * @param revocationDate {@code revocation_date}, null unless revoked
 */
@JsonbPropertyOrder({
  "apiKeyId",
  "keyType",
  "grant",
  "keyName",
  "accountId",
  "flowId",
  "processId",
  "status",
  "creationDate",
  "expirationDate",
  "revocationDate"
})
public record ApiKeySummary(
    @JsonbProperty("api_key_id") String apiKeyId,
    @JsonbProperty("key_type") @JsonbTypeAdapter(KeyType.Adapter.class) KeyType keyType,
    @JsonbProperty("grant") @JsonbTypeAdapter(Grant.Adapter.class) Grant grant,
    @JsonbProperty("key_name") String keyName,
    @JsonbProperty("account_id") String accountId,
    @JsonbProperty("flow_id") String flowId,
    @JsonbProperty("process_id") String processId,
    @JsonbProperty("status") String status,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("expiration_date") OffsetDateTime expirationDate,
    @JsonbProperty("revocation_date") OffsetDateTime revocationDate) {

  /** {@code status} of a usable key. */
  public static final String ACTIVE = "active";

  /** {@code status} of a revoked key. */
  public static final String REVOKED = "revoked";

  /** {@code status} of a key past its expiration date. */
  public static final String EXPIRED = "expired";
}
