package io.idforge.identity.web.rest.input;

import io.idforge.identity.api.error.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Applies the strict-input rules to every {@code /v1} request once it is authenticated (so an
 * unknown caller still gets the bare 401 and its body is never read): the path, the query string
 * and, for a form, the body ({@link FieldRules}); and a body must say what it is, in UTF-8. A
 * violation aborts the request with 400 / 10400 naming the field before any resource runs, so
 * nothing is written. JSON bodies are checked where they are read ({@link StrictJson}), because
 * only the resource knows it expects JSON.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class StrictInputFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    FieldRules.checkPath(request.getUriInfo().getPath(true));
    FieldRules.checkQuery(UrlEncodedFields.parse(request.getUriInfo().getRequestUri().getRawQuery()));
    if (!request.hasEntity()) {
      return;
    }
    MediaType type = mediaType(request);
    if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
      byte[] body = readAll(request.getEntityStream());
      FieldRules.checkForm(UrlEncodedFields.parse(new String(body, StandardCharsets.UTF_8)));
      request.setEntityStream(new ByteArrayInputStream(body));
    }
  }

  /**
   * The declared media type of a body: present, concrete (a wildcard such as {@code *}{@code /*}
   * would let the framework pick any reader) and, when it names a charset, UTF-8.
   */
  private static MediaType mediaType(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    MediaType type;
    try {
      type = header == null || header.isBlank() ? null : MediaType.valueOf(header);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
      throw new InvalidInputException(
          "Content-Type",
          "Content-Type must name the body's media type: application/json for flows,"
              + " application/x-www-form-urlencoded for forms");
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      throw new InvalidInputException("Content-Type", "Content-Type charset must be UTF-8");
    }
    return type;
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
