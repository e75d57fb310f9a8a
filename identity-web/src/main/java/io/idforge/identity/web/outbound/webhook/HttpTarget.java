package io.idforge.identity.web.outbound.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where one request goes: scheme, host (for {@code Host}, SNI and certificate checks), port,
 * path with query, and the addresses the URL rules checked. Connections are made to those
 * addresses only; the host name is never resolved here.
 */
record HttpTarget(boolean tls, String host, int port, String pathAndQuery, List<InetAddress> addresses) {

  /**
   * @throws IllegalArgumentException for anything but an absolute http(s) URL with a host
   */
  static HttpTarget of(String url, List<InetAddress> addresses) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("not http(s)");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("no host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean tls = scheme.equals("https");
    int port = uri.getPort() < 0 ? (tls ? 443 : 80) : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery();
    return new HttpTarget(tls, host, port, query == null ? path : path + "?" + query, List.copyOf(addresses));
  }

  /** The {@code Host} header: the port only when it is not the scheme's default. */
  String hostHeader() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == (tls ? 443 : 80) ? h : h + ":" + port;
  }

  /** Pool key of one connection: never shared across hosts, ports, schemes or addresses. */
  record Route(boolean tls, String host, int port, InetAddress address) {}

  Route route(InetAddress address) {
    return new Route(tls, host.toLowerCase(Locale.ROOT), port, address);
  }
}
