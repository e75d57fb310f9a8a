package io.idforge.identity.web.admin.oidc;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * One sign-in in progress, kept in the browser's session between the redirect to the provider and
 * its answer: the {@code state} (ties the answer to this browser), the {@code nonce} (ties the
 * id_token to this attempt) and the PKCE verifier (only its S256 challenge leaves the server).
 * Used once and only for {@link #TTL}.
 */
record OidcAttempt(String state, String nonce, String verifier, String back, Instant startedAt) implements Serializable {

  static final String ATTRIBUTE = OidcAttempt.class.getName();
  static final Duration TTL = Duration.ofMinutes(10);

  private static final SecureRandom RANDOM = new SecureRandom();

  static OidcAttempt start(String back, Instant now) {
    return new OidcAttempt(random(), random(), random(), back, now);
  }

  /** The PKCE S256 challenge for the verifier (RFC 7636). */
  String challenge() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code answeredState} is this attempt's, compared in constant time, and still fresh. */
  boolean matches(String answeredState, Instant now) {
    return answeredState != null
        && MessageDigest.isEqual(state.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            answeredState.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        && now.isBefore(startedAt.plus(TTL));
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
