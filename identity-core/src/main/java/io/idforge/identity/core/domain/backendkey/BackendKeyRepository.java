package io.idforge.identity.core.domain.backendkey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Port for backend keys. */
public interface BackendKeyRepository {

  /** The active (not revoked) key with this digest. */
  Optional<BackendKey> findActiveByDigest(String digest);

  Optional<BackendKey> find(String clientId, String keyId);

  /**
   * Up to {@code limit} keys of the tenant of one {@code keyType} with a surrogate id below {@code
   * beforeId}, newest first.
   */
  List<BackendKey> list(String clientId, String keyType, long beforeId, int limit);

  /** The tenant's keys minted by the key {@code issuerKeyId} that are neither revoked nor expired at {@code now}. */
  List<BackendKey> listActiveIssuedBy(String clientId, String issuerKeyId, OffsetDateTime now);

  void store(BackendKey key);
}
