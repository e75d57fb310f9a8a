/**
 * Token cryptography: HS256 signing and strict verification ({@link
 * io.idforge.identity.core.security.JwtCodec}), the signing-key ring with rotation by {@code kid},
 * and digests of stored secrets.
 */
package io.idforge.identity.core.security;
