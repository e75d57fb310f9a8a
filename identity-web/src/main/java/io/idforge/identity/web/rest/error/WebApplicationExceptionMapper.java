package io.idforge.identity.web.rest.error;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.web.rest.security.ApiKeyFilter;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (unknown path, wrong method, unsupported media type, unreadable body) keep
 * their status, in the envelope: 10404 for 404, 10400 for other 4xx, 10500 for 5xx. A 405 keeps the
 * {@code Allow} header JAX-RS computed. An unknown path asked without {@code Truora-API-Key} gets
 * what Truora's API gateway answers before any service sees the request: 403 {@code
 * {"message":"Missing Authentication Token"}}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context HttpHeaders headers;

  @Context ResourceInfo resourceInfo;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return ErrorResponses.internal(e);
    }
    if (e instanceof NotFoundException && unmatched() && !hasKey()) {
      return ErrorResponses.missingAuthenticationToken();
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
    Response envelope = ErrorResponses.of(code, status, message);
    String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
    if (status == 405 && allow != null) {
      return Response.fromResponse(envelope).header(HttpHeaders.ALLOW, allow).build();
    }
    return envelope;
  }

  /** No resource method matched the request: the path itself is unknown. */
  private boolean unmatched() {
    try {
      return resourceInfo == null || resourceInfo.getResourceMethod() == null;
    } catch (IllegalStateException outsideRequest) {
      return true;
    }
  }

  private boolean hasKey() {
    String key = headers.getHeaderString(ApiKeyFilter.HEADER);
    return key != null && !key.isBlank();
  }
}
