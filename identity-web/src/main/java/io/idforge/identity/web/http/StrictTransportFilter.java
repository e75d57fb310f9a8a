package io.idforge.identity.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds {@code Strict-Transport-Security} to every answer of the WAR (API and hosted pages) when
 * the public base URL is https, so a browser that once reached the service never falls back to
 * plain http for the hosted flow's cookies and uploads.
 */
@WebFilter(urlPatterns = "/*")
public class StrictTransportFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private String hsts;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    hsts = TransportSecurity.from(ConfigProvider.getConfig()).hstsHeader();
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (hsts != null) {
      response.setHeader("Strict-Transport-Security", hsts);
    }
    chain.doFilter(request, response);
  }
}
