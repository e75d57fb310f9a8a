package io.idforge.identity.core.security;

import java.util.Optional;

/** Where {@link JwtCodec} gets its keys: the ring to sign with, and secrets by {@code kid}. */
public interface SigningKeySource {

  SigningKeyRing ring();

  default Optional<byte[]> secret(String kid) {
    return ring().secret(kid);
  }
}
