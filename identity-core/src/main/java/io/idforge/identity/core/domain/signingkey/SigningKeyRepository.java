package io.idforge.identity.core.domain.signingkey;

import java.util.List;

/** Port for generated signing keys. */
public interface SigningKeyRepository {

  /** All stored keys of one purpose ({@link SigningKey#JWT} or {@link SigningKey#MEDIA}), oldest first. */
  List<SigningKey> all(String purpose);

  void store(SigningKey key);
}
