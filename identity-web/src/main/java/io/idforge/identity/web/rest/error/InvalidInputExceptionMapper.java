package io.idforge.identity.web.rest.error;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.api.error.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Form and request parsing failures: 400 / 10400 naming the field. */
@Provider
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {

  @Override
  public Response toResponse(InvalidInputException e) {
    return ErrorResponses.of(ErrorCode.INVALID_REQUEST, e.getMessage());
  }
}
