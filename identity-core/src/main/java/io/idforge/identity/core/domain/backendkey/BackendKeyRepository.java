package io.idforge.identity.core.domain.backendkey;

import java.util.List;
import java.util.Optional;

/** Port for backend keys. */
public interface BackendKeyRepository {

  /** The active (not revoked) key with this digest. */
  Optional<BackendKey> findActiveByDigest(String digest);

  Optional<BackendKey> find(String clientId, String keyId);

  /** Up to {@code limit} keys of the tenant with a surrogate id below {@code beforeId}, newest first. */
  List<BackendKey> list(String clientId, long beforeId, int limit);

  void store(BackendKey key);
}
