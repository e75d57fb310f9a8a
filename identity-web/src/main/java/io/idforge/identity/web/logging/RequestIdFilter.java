package io.idforge.identity.web.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request (API, hosted pages, static resources) a request id: the caller's {@code
 * X-Request-Id} when well-formed, else a generated one. The id is echoed in the answer's {@code
 * X-Request-Id} header before anything else runs, so it is there on errors too, and is bound to the
 * thread for the log lines and the 5xx envelope. A servlet filter rather than a JAX-RS filter so
 * that it also covers the process URL and the Faces pages, and is set before JAX-RS logs anything.
 */
@WebFilter(filterName = "RequestIdFilter", urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
    response.setHeader(RequestIds.HEADER, id);
    RequestIds.set(id);
    try {
      chain.doFilter(request, response);
    } finally {
      RequestIds.clear();
    }
  }
}
