package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.shared.ForbiddenException;

/**
 * Who made a request: a tenant's backend key, one user's web integration token, or the keys of
 * Truora's validations SDK (a {@code generator} key that only mints {@code sdk} keys, and an
 * {@code sdk} key that only drives standalone validations and enrollments). Resources ask for the
 * kind they need; the wrong kind is a 403, never a silent downgrade.
 *
 * @param clientId the tenant
 * @param kind which credential was presented
 * @param keyName the backend key's name, or the web token's {@code key_name}
 * @param jti the web token's id, or the generator or sdk key's id (null for backend keys)
 */
public record Caller(String clientId, Kind kind, String keyName, String jti) {

  /** The credentials the API accepts in {@code Truora-API-Key}. */
  public enum Kind {
    BACKEND,
    WEB,
    /** Truora's {@code key_type=sdk} with {@code grant=validations}: the Validations API only. */
    SDK,
    /** Truora's {@code key_type=generator}: exchanged for sdk keys, nothing else. */
    GENERATOR
  }

  public static Caller backend(String clientId, String keyName) {
    return new Caller(clientId, Kind.BACKEND, keyName, null);
  }

  public static Caller web(String clientId, String keyName, String jti) {
    return new Caller(clientId, Kind.WEB, keyName, jti);
  }

  public static Caller sdk(String clientId, String keyName, String keyId) {
    return new Caller(clientId, Kind.SDK, keyName, keyId);
  }

  public static Caller generator(String clientId, String keyName, String keyId) {
    return new Caller(clientId, Kind.GENERATOR, keyName, keyId);
  }

  /**
   * For the standalone Validations API (validations and enrollments): a backend key or an sdk
   * key, both acting for the whole tenant.
   */
  public Caller requireBackendOrSdk() {
    if (kind != Kind.BACKEND && kind != Kind.SDK) {
      throw new ForbiddenException("Forbidden: this endpoint needs a backend API key or an sdk key");
    }
    return this;
  }

  public Caller requireBackend() {
    if (kind != Kind.BACKEND) {
      throw new ForbiddenException(
          kind == Kind.WEB
              ? "Forbidden: this endpoint needs a backend API key, not a web integration token"
              : "Forbidden: this endpoint needs a backend API key");
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
