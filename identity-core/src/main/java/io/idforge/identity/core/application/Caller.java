package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.shared.ForbiddenException;

/**
 * Who made a request: a tenant's backend key or one user's web integration token. Resources ask
 * for the kind they need; the wrong kind is a 403, never a silent downgrade.
 *
 * @param clientId the tenant
 * @param kind which credential was presented
 * @param keyName the backend key's name, or the web token's {@code key_name}
 * @param jti the web token's id (null for backend keys)
 */
public record Caller(String clientId, Kind kind, String keyName, String jti) {

  /** The two credentials the API accepts in {@code Truora-API-Key}. */
  public enum Kind {
    BACKEND,
    WEB
  }

  public static Caller backend(String clientId, String keyName) {
    return new Caller(clientId, Kind.BACKEND, keyName, null);
  }

  public static Caller web(String clientId, String keyName, String jti) {
    return new Caller(clientId, Kind.WEB, keyName, jti);
  }

  public Caller requireBackend() {
    if (kind != Kind.BACKEND) {
      throw new ForbiddenException("Forbidden: this endpoint needs a backend API key, not a web integration token");
    }
    return this;
  }

  public Caller requireWeb() {
    if (kind != Kind.WEB) {
      throw new ForbiddenException("Forbidden: this endpoint needs a web integration token");
    }
    return this;
  }
}
