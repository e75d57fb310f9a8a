package io.idforge.identity.core.domain.signingkey;

import java.util.List;

/** Port for generated signing keys. */
public interface SigningKeyRepository {

  /** All stored keys, oldest first. */
  List<SigningKey> all();

  void store(SigningKey key);
}
