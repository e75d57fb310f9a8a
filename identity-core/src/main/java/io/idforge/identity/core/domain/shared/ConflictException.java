package io.idforge.identity.core.domain.shared;

import io.idforge.identity.api.error.ErrorCode;

/** A change that collides with the current state (already revoked, already finished, concurrent update). */
public class ConflictException extends IdentityException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(ErrorCode.CONFLICT, message);
  }
}
