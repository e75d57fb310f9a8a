package io.idforge.identity.web.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything else, including {@code EJBException} wrappers: unwrapped to a domain or lock
 * exception when there is one inside, otherwise a 500 with a log reference and no stack trace.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable e) {
    return ErrorResponses.from(e);
  }
}
