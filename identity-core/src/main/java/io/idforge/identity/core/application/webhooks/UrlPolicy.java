package io.idforge.identity.core.application.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs the service may call. A tenant chooses the URL, so without these rules a
 * webhook is a way to make the server call its own admin ports, the cloud metadata service or the
 * private network (SSRF). Rules: https only (http when {@code allowHttp}, for development), no
 * user info, and every address the host resolves to must be public: not loopback, unspecified,
 * private (RFC 1918, unique-local), carrier-grade NAT, link-local (which holds the metadata
 * address 169.254.169.254) or multicast, unless the host or the address is on the allowlist
 * (host names, addresses or CIDR ranges). Checked when the URL is saved and again before every
 * send, because a name may resolve elsewhere by then (DNS rebinding); the send then connects to the
 * addresses this check resolved ({@link #checkForSend}), never to a fresh resolution.
 */
public final class UrlPolicy {

  /** Resolves a host name; the default is the system resolver. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowHttp;
  private final List<String> allowedHosts = new ArrayList<>();
  private final List<Cidr> allowedRanges = new ArrayList<>();
  private final Resolver resolver;

  public UrlPolicy(boolean allowHttp, List<String> allowlist, Resolver resolver) {
    this.allowHttp = allowHttp;
    this.resolver = resolver;
    for (String entry : allowlist) {
      String e = entry.trim().toLowerCase(Locale.ROOT);
      if (e.isEmpty()) {
        continue;
      }
      Optional<Cidr> range = Cidr.parse(e);
      if (range.isPresent()) {
        allowedRanges.add(range.get());
      } else {
        allowedHosts.add(e);
      }
    }
  }

  /**
   * The outcome of a check: why the URL is refused, or the addresses that were checked. A send
   * connects to exactly these addresses and never resolves the name again, so a second DNS answer
   * (DNS rebinding) cannot swap in a private address between the check and the connection.
   */
  public record Checked(Optional<String> refused, List<InetAddress> addresses) {

    static Checked refusedBecause(String reason) {
      return new Checked(Optional.of(reason), List.of());
    }
  }

  /**
   * @return empty when the URL may be called, else why not (safe to show: it never repeats the URL)
   */
  public Optional<String> check(String url) {
    return check(url, false).refused();
  }

  /**
   * Checks the URL for a send: resolves the host once (an allowlisted name too, since the send
   * needs an address) and answers the addresses checked, which the sender must connect to.
   */
  public Checked checkForSend(String url) {
    return check(url, true);
  }

  private Checked check(String url, boolean needAddresses) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      return Checked.refusedBecause("url is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      return Checked.refusedBecause(allowHttp ? "url must be http or https" : "url must use https");
    }
    if (uri.getRawUserInfo() != null) {
      return Checked.refusedBecause("url must not contain user info");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return Checked.refusedBecause("url must name a host");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean hostAllowed = allowedHosts.contains(host);
    if (hostAllowed && !needAddresses) {
      return new Checked(Optional.empty(), List.of());
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Checked.refusedBecause("url host does not resolve");
    }
    if (addresses == null || addresses.length == 0) {
      return Checked.refusedBecause("url host does not resolve");
    }
    if (!hostAllowed) {
      for (InetAddress a : addresses) {
        if (!isPublic(a) && allowedRanges.stream().noneMatch(r -> r.contains(a)) && !allowedHosts.contains(a.getHostAddress())) {
          return Checked.refusedBecause("url must not point to a loopback, private, link-local or metadata address");
        }
      }
    }
    return new Checked(Optional.empty(), List.of(addresses));
  }

  /** True for addresses on the public internet. */
  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking
          && first < 240; // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return false; // unique-local fc00::/7 (also holds AWS's fd00:ec2::254)
      }
      if (isMappedOrCompatibleV4(b)) {
        try {
          return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isMappedOrCompatibleV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
  }

  /** An address range {@code a.b.c.d/n} or {@code x::/n}; a bare address is a /32 or /128. */
  record Cidr(byte[] network, int bits) {

    static Optional<Cidr> parse(String text) {
      String address = text;
      int bits = -1;
      int slash = text.indexOf('/');
      if (slash > 0) {
        address = text.substring(0, slash);
        try {
          bits = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      // Only literals: never resolve a name from the allowlist here.
      if (!address.matches("[0-9.]+") && !address.contains(":")) {
        return Optional.empty();
      }
      try {
        byte[] raw = InetAddress.getByName(address).getAddress();
        return Optional.of(new Cidr(raw, bits < 0 ? raw.length * 8 : bits));
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
