package io.idforge.identity.web.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address for per-address limits: the TCP peer, or, behind a reverse proxy that
 * appends to it, the right-most entry of {@code identity.rate-limits.client-ip-header} (e.g.
 * {@code X-Forwarded-For}), the one the proxy itself wrote. Anything that is not an IP address
 * falls back to the peer, so a forged header cannot grow the limiter's tables with junk.
 */
@ApplicationScoped
public class ClientAddress {

  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

  @Inject
  @ConfigProperty(name = "identity.rate-limits.client-ip-header")
  Optional<String> header;

  public String of(HttpServletRequest request) {
    if (header.isPresent() && !header.get().isBlank()) {
      String value = request.getHeader(header.get());
      if (value != null) {
        String last = value.substring(value.lastIndexOf(',') + 1).trim();
        if (IP.matcher(last).matches()) {
          return last;
        }
      }
    }
    return request.getRemoteAddr();
  }
}
