package io.idforge.identity.core.domain.shared;

import io.idforge.identity.api.error.ErrorCode;

/** A valid credential that may not do this: an expired or revoked web token, a web token on a backend endpoint. */
public class ForbiddenException extends IdentityException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(ErrorCode.FORBIDDEN, message);
  }
}
