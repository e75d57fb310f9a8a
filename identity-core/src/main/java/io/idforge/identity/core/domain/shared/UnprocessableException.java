package io.idforge.identity.core.domain.shared;

import io.idforge.identity.api.error.ErrorCode;

/** Well-formed input that breaks a business rule. */
public class UnprocessableException extends IdentityException {

  private static final long serialVersionUID = 1L;

  public UnprocessableException(String message) {
    super(ErrorCode.UNPROCESSABLE, message);
  }
}
