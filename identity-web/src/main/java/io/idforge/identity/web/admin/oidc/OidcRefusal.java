package io.idforge.identity.web.admin.oidc;

/**
 * A sign-in through the provider that failed a check (state, nonce, signature, issuer, audience,
 * expiry) or could not complete (provider error or unreachable). The message names the check and
 * goes into the audit trail; it never holds a code or a token.
 */
final class OidcRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  OidcRefusal(String message) {
    super(message.length() > 300 ? message.substring(0, 300) : message);
  }
}
