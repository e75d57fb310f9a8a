package io.idforge.identity.web.http;

import io.idforge.identity.core.security.Digests;
import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.web.ratelimit.RateLimits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts the operational endpoints behind the operator's key. Payara Micro adds its MicroProfile
 * Health, Metrics and OpenAPI servlets to the web module at the root context, which is this WAR,
 * so this filter sees every request to them on the public port. They answer only with {@code
 * Authorization: Bearer <key>} or {@code Identity-Admin-Key: <key>}, the key being {@code
 * identity.operations.api-key} or else {@code identity.admin.api-key}; without either configured
 * they are 404 (off), a missing or wrong key is a bare 401 and counts as a failed authentication
 * for the rate limits.
 */
@WebFilter(urlPatterns = {"/health", "/health/*", "/metrics", "/metrics/*", "/openapi", "/openapi/*"})
public class OperatorEndpointsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String ADMIN_HEADER = "Identity-Admin-Key";

  @Inject
  @ConfigProperty(name = "identity.operations.api-key")
  Optional<String> operationsKey;

  @Inject
  @ConfigProperty(name = "identity.admin.api-key")
  Optional<String> adminKey;

  @Inject RateLimits rateLimits;

  @Inject ClientAddress clientAddress;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<String> configured = operationsKey.filter(k -> !k.isBlank()).or(() -> adminKey.filter(k -> !k.isBlank()));
    if (configured.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String presented = presentedKey(request);
    String address = clientAddress.of(request);
    Optional<Duration> wait = rateLimits.authenticationBlocked(address, presented);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(seconds));
      write(response, 429, "{\"code\":10400,\"http_code\":429,\"message\":\"Too many requests: retry after "
          + seconds + " seconds\"}");
      return;
    }
    if (presented == null || !sameKey(configured.get(), presented)) {
      rateLimits.authenticationFailed(address, presented);
      write(response, 401, "{\"message\":\"Unauthorized\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  private static String presentedKey(HttpServletRequest request) {
    String auth = request.getHeader("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim();
    }
    return request.getHeader(ADMIN_HEADER);
  }

  /** Compares digests in constant time, so the comparison leaks neither content nor length. */
  private static boolean sameKey(String configured, String presented) {
    return MessageDigest.isEqual(
        Digests.sha256Hex(configured).getBytes(StandardCharsets.US_ASCII),
        Digests.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII));
  }

  private static void write(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json);
  }
}
