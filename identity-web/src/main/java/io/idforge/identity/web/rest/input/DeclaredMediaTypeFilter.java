package io.idforge.identity.web.rest.input;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.api.error.InvalidInputException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A request body of the API must say what it is: a {@code Content-Type} that parses, is concrete
 * (a wildcard such as {@code *}{@code /*} would let the framework pick any reader for it) and,
 * when it names a charset, UTF-8. A servlet filter, not a JAX-RS one, because the JAX-RS runtime
 * parses the header while it builds the request, before any of its filters: an unparseable one
 * ended on the container's HTML error page or as an empty 403. A request without a body needs no
 * type, but one it declares must parse. The refusal is the envelope, 400 / 10400, naming the header.
 */
@WebFilter(urlPatterns = "/v1/*")
public class DeclaredMediaTypeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String MESSAGE =
      InvalidInputException.PREFIX
          + "Content-Type must name the body's media type: application/json for flows,"
          + " application/x-www-form-urlencoded for forms";

  static final String CHARSET_MESSAGE = InvalidInputException.PREFIX + "Content-Type charset must be UTF-8";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String problem = problem(request.getContentType(), hasBody(request));
    if (problem == null) {
      chain.doFilter(request, response);
      return;
    }
    ErrorCode code = ErrorCode.INVALID_REQUEST;
    response.setStatus(code.httpStatus());
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(
        JSON.createObjectBuilder()
            .add("code", code.code())
            .add("http_code", code.httpStatus())
            .add("message", problem)
            .build()
            .toString());
  }

  /** Null when the declared type is acceptable, else the message of the refusal. */
  static String problem(String header, boolean hasBody) {
    MediaType type = null;
    if (header != null && !header.isBlank()) {
      try {
        type = MediaType.valueOf(header);
      } catch (IllegalArgumentException e) {
        return MESSAGE; // even without a body: the JAX-RS runtime would fail on it
      }
    }
    if (!hasBody) {
      return null; // an empty request (POST /v1/processes) needs no type
    }
    if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
      return MESSAGE;
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    return charset != null && !charset.equalsIgnoreCase("utf-8") ? CHARSET_MESSAGE : null;
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }
}
