package io.idforge.identity.web.outbound.webhook;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small blocking HTTP/1.1 client for webhook requests, run on the drain's sender threads.
 *
 * <p>Why not the JDK {@code HttpClient}: it resolves the host itself (after the URL rules resolved
 * and checked it, so a second DNS answer could point it at 127.0.0.1 or 169.254.169.254), and its
 * asynchronous completion machinery was the largest leaf cost of a delivery in the profile of
 * bench/webhooks.sh. This client connects to exactly the checked addresses, keeps connections
 * alive per route ({@link ConnectionPool}), verifies TLS certificates against the host name
 * (endpoint identification {@code HTTPS}, the JDK's default trust), and bounds every exchange:
 * connect by {@code connectTimeout}, the answer's head by {@code requestTimeout}, the whole
 * exchange, body included, by {@code sendTimeout}. It reads at most {@code responseLimit} bytes of
 * a body (Content-Length or chunked; past the limit the connection is closed, not read on), never
 * follows a redirect (a 3xx is just a status), and honours {@code Connection: close}.
 */
final class PinnedHttpClient {

  /** Timeouts and limits of one exchange. */
  record Limits(Duration connectTimeout, Duration requestTimeout, Duration sendTimeout, int responseLimit) {}

  /** A reused connection the receiver had closed before our request: safe to try once afresh. */
  private static final class StaleConnection extends IOException {
    StaleConnection(IOException cause) {
      super(cause);
    }
  }

  private static final int MAX_LINE = 8192;
  private static final int MAX_HEADERS = 100;

  private final Limits limits;
  private final SSLSocketFactory tls;
  private final ConnectionPool pool;

  PinnedHttpClient(Limits limits, SSLSocketFactory tls, ConnectionPool pool) {
    this.limits = limits;
    this.tls = tls;
    this.pool = pool;
  }

  /**
   * Sends one request and answers the status code.
   *
   * @throws SocketTimeoutException when a bound ran out
   * @throws IllegalArgumentException for a method or header that cannot be written safely
   * @throws IOException when no answer came
   */
  int send(HttpTarget target, String method, Map<String, String> headers, byte[] body) throws IOException {
    long start = System.nanoTime();
    long end = start + limits.sendTimeout().toNanos();
    long headBy = start + Math.min(limits.requestTimeout().toNanos(), limits.sendTimeout().toNanos());
    byte[] request = encode(target, method, headers, body);
    IOException unreachable = null;
    for (InetAddress address : target.addresses()) {
      HttpTarget.Route route = target.route(address);
      HttpConnection pooled = pool.take(route);
      if (pooled != null) {
        try {
          return exchange(pooled, request, headBy, end);
        } catch (StaleConnection e) {
          // The receiver closed the idle connection: nothing of ours was read; a fresh one follows.
        }
      }
      HttpConnection fresh;
      try {
        fresh = connect(target, route, address, end);
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        unreachable = e; // refused or no route: the next checked address, if any
        continue;
      }
      return exchange(fresh, request, headBy, end);
    }
    throw unreachable != null ? unreachable : new IOException("no address");
  }

  private HttpConnection connect(HttpTarget target, HttpTarget.Route route, InetAddress address, long end) throws IOException {
    Socket raw = new Socket();
    try {
      raw.setTcpNoDelay(true);
      long left = Math.min(limits.connectTimeout().toNanos(), end - System.nanoTime());
      if (left <= 0) {
        throw new SocketTimeoutException("deadline");
      }
      // An InetSocketAddress from an address: connects there, never resolves the host name.
      raw.connect(new InetSocketAddress(address, target.port()), (int) Math.max(1, left / 1_000_000));
      if (!target.tls()) {
        return new HttpConnection(route, raw);
      }
      SSLSocket ssl = (SSLSocket) tls.createSocket(raw, target.host(), target.port(), true);
      SSLParameters params = ssl.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      if (!isLiteral(target.host())) {
        params.setServerNames(List.of(new SNIHostName(target.host())));
      }
      ssl.setSSLParameters(params);
      ssl.setSoTimeout(remainingMillis(end));
      ssl.startHandshake();
      return new HttpConnection(route, ssl);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private int exchange(HttpConnection c, byte[] request, long headBy, long end) throws IOException {
    boolean keep = false;
    try {
      int status;
      boolean close;
      long contentLength;
      boolean chunked;
      try {
        c.deadline(headBy);
        c.write(request);
        while (true) {
          String statusLine = c.readLine(MAX_LINE);
          if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x answer");
          }
          status = parseStatus(statusLine);
          close = !statusLine.startsWith("HTTP/1.1");
          contentLength = -1;
          chunked = false;
          for (int n = 0; ; n++) {
            String line = c.readLine(MAX_LINE);
            if (line.isEmpty()) {
              break;
            }
            if (n >= MAX_HEADERS) {
              throw new IOException("too many header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
              throw new IOException("malformed header line");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
              case "content-length" -> {
                long length = parseLength(value);
                if (contentLength >= 0 && contentLength != length) {
                  throw new IOException("conflicting Content-Length");
                }
                contentLength = length;
              }
              case "transfer-encoding" -> chunked = value.endsWith("chunked");
              case "connection" -> close |= value.contains("close");
              default -> {
                // not needed for a status
              }
            }
          }
          if (status >= 100 && status < 200 && status != 101) {
            continue; // an interim answer (100 Continue): the final one follows
          }
          break;
        }
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        if (c.reused() && c.nothingRead()) {
          throw new StaleConnection(e);
        }
        throw e;
      }
      c.deadline(end);
      boolean complete = readBody(c, status, contentLength, chunked);
      keep = complete && !close && status != 101;
      return status;
    } finally {
      if (keep) {
        pool.give(c);
      } else {
        c.closeQuietly();
      }
    }
  }

  /** Reads (and drops) the body up to the limit; true when it was read to its end (keep-alive). */
  private boolean readBody(HttpConnection c, int status, long contentLength, boolean chunked) throws IOException {
    int limit = limits.responseLimit();
    if (status == 204 || status == 304 || status < 200) {
      return true;
    }
    if (chunked) {
      long total = 0;
      while (true) {
        String line = c.readLine(MAX_LINE);
        int semi = line.indexOf(';');
        long size;
        try {
          size = Long.parseLong((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("malformed chunk size");
        }
        if (size < 0) {
          throw new IOException("malformed chunk size");
        }
        if (size == 0) {
          for (int n = 0; !c.readLine(MAX_LINE).isEmpty(); n++) {
            if (n >= MAX_HEADERS) {
              throw new IOException("too many trailer lines");
            }
          }
          return true;
        }
        if (total + size > limit) {
          return false; // over the limit: close rather than read on
        }
        if (c.skip(size) < size) {
          throw new EOFException("connection closed mid-chunk");
        }
        total += size;
        if (!c.readLine(2).isEmpty()) {
          throw new IOException("malformed chunk end");
        }
      }
    }
    if (contentLength >= 0) {
      if (contentLength > limit) {
        return false;
      }
      if (c.skip(contentLength) < contentLength) {
        throw new EOFException("connection closed mid-body");
      }
      return true;
    }
    // No framing: the body ends when the receiver closes. Read up to the limit, then close.
    c.skip(limit);
    return false;
  }

  private static int parseStatus(String statusLine) throws IOException {
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char ch = statusLine.charAt(i);
      if (ch < '0' || ch > '9') {
        throw new IOException("malformed status");
      }
      status = status * 10 + (ch - '0');
    }
    if (statusLine.length() > 12 && statusLine.charAt(12) != ' ') {
      throw new IOException("malformed status");
    }
    return status;
  }

  private static long parseLength(String value) throws IOException {
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw new IOException("malformed Content-Length");
    }
    return Long.parseLong(value);
  }

  /** The request head and body as one write (one packet for a small request). */
  static byte[] encode(HttpTarget target, String method, Map<String, String> headers, byte[] body) {
    if (method == null || !method.matches("[A-Z]{1,16}")) {
      throw new IllegalArgumentException("method");
    }
    StringBuilder head = new StringBuilder(256 + headers.size() * 48);
    head.append(method).append(' ').append(target.pathAndQuery()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(target.hostHeader()).append("\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String name = h.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("host") || lower.equals("content-length") || lower.equals("transfer-encoding") || lower.equals("connection")) {
        continue; // framing is ours
      }
      checkToken(name);
      checkValue(h.getValue());
      head.append(name).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append("\r\n");
    checkValue(target.pathAndQuery());
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(headBytes.length + body.length);
    out.writeBytes(headBytes);
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static void checkToken(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name");
    }
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch <= ' ' || ch >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(ch) >= 0) {
        throw new IllegalArgumentException("header name");
      }
    }
  }

  private static void checkValue(String value) {
    if (value == null) {
      throw new IllegalArgumentException("header value");
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\r' || ch == '\n' || ch == 0 || ch > 0xff) {
        throw new IllegalArgumentException("header value");
      }
    }
  }

  private static boolean isLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
  }

  private static int remainingMillis(long end) throws SocketTimeoutException {
    long left = end - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("deadline");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
  }
}
