package io.idforge.identity.web.rest.input;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.web.rest.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body must say what it is: a {@code Content-Type} that parses, is concrete (a wildcard
 * such as {@code *}{@code /*} would let the framework pick any reader for it) and, when it names
 * a charset, UTF-8. Checked before resource matching, because matching itself parses the header:
 * an unparseable one used to end on the container's HTML error page or an empty answer instead of
 * the envelope. A request without a body needs no type.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class DeclaredMediaTypeFilter implements ContainerRequestFilter {

  static final String MESSAGE =
      "Content-Type must name the body's media type: application/json for flows,"
          + " application/x-www-form-urlencoded for forms";

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (header == null && !request.hasEntity()) {
      return;
    }
    MediaType type;
    try {
      type = header == null || header.isBlank() ? null : MediaType.valueOf(header);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (type == null) {
      if (!request.hasEntity()) {
        return; // a stray or broken header on an empty request (POST /v1/processes) is harmless
      }
      refuse(request, MESSAGE);
      return;
    }
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      refuse(request, MESSAGE);
      return;
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      refuse(request, "Content-Type charset must be UTF-8");
    }
  }

  private static void refuse(ContainerRequestContext request, String message) {
    request.abortWith(ErrorResponses.of(ErrorCode.INVALID_REQUEST, InvalidInputException.PREFIX + message));
  }
}
