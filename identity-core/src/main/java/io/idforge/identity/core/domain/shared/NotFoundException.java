package io.idforge.identity.core.domain.shared;

import io.idforge.identity.api.error.ErrorCode;

/** A public id that does not exist for the caller's tenant; another tenant's id is reported the same way. */
public class NotFoundException extends IdentityException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(ErrorCode.NOT_FOUND, message);
  }
}
