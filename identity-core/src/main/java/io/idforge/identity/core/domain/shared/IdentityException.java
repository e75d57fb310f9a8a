package io.idforge.identity.core.domain.shared;

import io.idforge.identity.api.error.ErrorCode;
import jakarta.ejb.ApplicationException;

/**
 * Root of the domain's unchecked exceptions. Each carries the {@link ErrorCode} the wire shows;
 * {@code rollback = true} so a failing service call never leaves partial data.
 */
@ApplicationException(rollback = true, inherited = true)
public class IdentityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;

  public IdentityException(ErrorCode errorCode, String message) {
    super(message == null ? errorCode.defaultMessage() : message);
    this.errorCode = errorCode;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }
}
