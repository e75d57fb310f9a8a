package io.idforge.identity.web.rest.error;

import io.idforge.identity.core.document.image.DecodeBusyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every picture decoder is busy: 503 with the envelope (code 10500) and {@code Retry-After}, so a
 * client tries again instead of treating the upload as refused. More specific than {@link
 * IdentityExceptionMapper}, which JAX-RS would otherwise pick; the same answer comes from {@link
 * ErrorResponses#from} when the exception arrives wrapped.
 */
@Provider
public class DecodeBusyExceptionMapper implements ExceptionMapper<DecodeBusyException> {

  @Override
  public Response toResponse(DecodeBusyException e) {
    return ErrorResponses.busy(e);
  }
}
