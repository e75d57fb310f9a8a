package io.idforge.identity.web.rest.input;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
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
 * and, for a form, the body ({@link FieldRules}); {@link DeclaredMediaTypeFilter} has checked the
 * body's {@code Content-Type} before matching. A violation aborts the request with 400 / 10400
 * naming the field before any resource runs, so nothing is written. JSON bodies are checked where they are read ({@link StrictJson}), because
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
    // DeclaredMediaTypeFilter has already made sure the type parses and is concrete.
    MediaType type = request.getMediaType();
    if (type != null && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
      byte[] body = readAll(request.getEntityStream());
      FieldRules.checkForm(UrlEncodedFields.parse(new String(body, StandardCharsets.UTF_8)));
      request.setEntityStream(new ByteArrayInputStream(body));
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
