package io.idforge.identity.api.flows;

import io.idforge.identity.api.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a flow's {@code allowed_frame_ancestors}: the origins whose pages may show the
 * hosted flow in an iframe. Each entry becomes a source of the hosted pages'
 * {@code Content-Security-Policy: frame-ancestors} and a {@code postMessage} target, so only exact
 * origins pass: {@code https://host[:port]}, or {@code http://localhost[:port]} /
 * {@code http://127.0.0.1[:port]} for development. No path, query, wildcard, user info or CSP
 * keyword: a stray {@code ;} or space would otherwise add a directive to the header.
 */
public final class FrameAncestorOrigins {

  /** The wire name of the field. */
  public static final String FIELD = "allowed_frame_ancestors";

  /** Most origins in one flow's allowlist. */
  public static final int MAX_ORIGINS = 10;

  /** Longest origin. */
  public static final int MAX_LENGTH = 255;

  /** A DNS name or IPv4 address: letters, digits, hyphens and dots (IDNs in their punycode form). */
  private static final Pattern HOST = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

  private static final Set<String> DEVELOPMENT_HOSTS = Set.of("localhost", "127.0.0.1");

  private FrameAncestorOrigins() {}

  /**
   * Checks every entry and answers them normalised (lower case, default port dropped, duplicates
   * removed, order kept).
   *
   * @param origins the field's value; null reads as none
   * @throws InvalidInputException naming {@code allowed_frame_ancestors[i]} (or the field itself)
   */
  public static List<String> normalise(List<String> origins) {
    if (origins == null) {
      return List.of();
    }
    if (origins.size() > MAX_ORIGINS) {
      throw new InvalidInputException(FIELD, FIELD + " must have at most " + MAX_ORIGINS + " entries");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < origins.size(); i++) {
      out.add(origin(FIELD + "[" + i + "]", origins.get(i)));
    }
    return List.copyOf(out);
  }

  /** One origin, normalised, or the 400 naming {@code path}. */
  static String origin(String path, String value) {
    String rule = path + " must be an origin such as https://shop.example.com (https, or http only for localhost"
        + " and 127.0.0.1), without path, query or wildcard";
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new InvalidInputException(path, rule);
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(path, rule);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean bare = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
        && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()));
    boolean schemeAllowed = "https".equals(scheme) || ("http".equals(scheme) && DEVELOPMENT_HOSTS.contains(host));
    if (!bare || !schemeAllowed || !HOST.matcher(host).matches() || uri.getRawAuthority() == null
        || uri.getRawAuthority().contains("@")) {
      throw new InvalidInputException(path, rule);
    }
    int port = uri.getPort();
    if (port == 0 || port > 65_535 || (port < 0 && uri.getRawAuthority().endsWith(":"))) {
      throw new InvalidInputException(path, rule);
    }
    boolean defaultPort = port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
