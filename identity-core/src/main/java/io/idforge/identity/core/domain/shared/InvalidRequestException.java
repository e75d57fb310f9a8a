package io.idforge.identity.core.domain.shared;

import io.idforge.identity.api.error.ErrorCode;

/** Input that breaks a rule of the contract; the message names the wire field. */
public class InvalidRequestException extends IdentityException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(ErrorCode.INVALID_REQUEST, message);
  }
}
