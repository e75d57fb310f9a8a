package io.idforge.identity.web.hosted;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The hosted flow's pages show personal data: never cached, never leaked as a referrer. */
@WebFilter(urlPatterns = "*.xhtml")
public class HostedHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HostedPages.secureHeaders(response);
    chain.doFilter(request, response);
  }
}
