package io.idforge.identity.web.rest.error;

import io.idforge.identity.core.domain.shared.IdentityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Domain exceptions: the envelope with the exception's error code (401 stays bare). */
@Provider
public class IdentityExceptionMapper implements ExceptionMapper<IdentityException> {

  @Override
  public Response toResponse(IdentityException e) {
    return ErrorResponses.from(e);
  }
}
