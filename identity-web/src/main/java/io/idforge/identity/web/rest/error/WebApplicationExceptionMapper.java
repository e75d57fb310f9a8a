package io.idforge.identity.web.rest.error;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.api.error.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (unknown path, wrong method, unsupported media type, unreadable body) keep
 * their status, in the envelope: 10404 for 404, 10400 for other 4xx, 10500 for 5xx.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return ErrorResponses.internal(e);
    }
    String message =
        switch (status) {
          case 404 -> "Resource not found";
          case 405 -> "Invalid request: method not allowed on this resource";
          case 406 -> "Invalid request: only application/json responses are available";
          case 413 -> ErrorCode.PAYLOAD_TOO_LARGE.defaultMessage();
          case 415 -> "Invalid request: unsupported content type";
          default -> "Invalid request: the request body or parameters could not be read";
        };
    ErrorCode code = status == 404 ? ErrorCode.NOT_FOUND : ErrorCode.forHttpStatus(status);
    return ErrorResponses.of(code, status, message);
  }
}
