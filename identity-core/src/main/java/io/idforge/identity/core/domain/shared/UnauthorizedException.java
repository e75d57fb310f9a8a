package io.idforge.identity.core.domain.shared;

import io.idforge.identity.api.error.ErrorCode;

/**
 * Missing, unknown, revoked or forged credential. Rendered as Truora's bare
 * {@code {"message":"Unauthorized"}} with HTTP 401, never with the error envelope.
 */
public class UnauthorizedException extends IdentityException {

  private static final long serialVersionUID = 1L;

  public UnauthorizedException() {
    super(ErrorCode.FORBIDDEN, "Unauthorized");
  }
}
