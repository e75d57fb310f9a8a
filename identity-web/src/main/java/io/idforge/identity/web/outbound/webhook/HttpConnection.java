package io.idforge.identity.web.outbound.webhook;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One open HTTP/1.1 connection (plain or TLS) with a read buffer whose every fill is bounded by
 * the exchange's deadline, so a receiver that drips its answer byte by byte is cut off at the
 * deadline, not at the socket timeout of each read.
 */
final class HttpConnection implements Closeable {

  private final HttpTarget.Route route;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[8192];
  private int pos;
  private int limit;
  private long deadlineNanos;
  private long idleSinceNanos;
  private boolean reused;

  HttpConnection(HttpTarget.Route route, Socket socket) throws IOException {
    this.route = route;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  HttpTarget.Route route() {
    return route;
  }

  /** True once this connection carried an exchange before (a stale keep-alive may fail). */
  boolean reused() {
    return reused;
  }

  void deadline(long nanos) {
    this.deadlineNanos = nanos;
  }

  void write(byte[] request) throws IOException {
    out.write(request);
    out.flush();
  }

  /** The next byte, or -1 at the end of the stream. */
  int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buffer[pos++] & 0xff;
  }

  /** Skips up to {@code n} bytes; returns how many were skipped (fewer only at the end). */
  long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      if (pos == limit && !fill()) {
        break;
      }
      int step = (int) Math.min(n - skipped, limit - pos);
      pos += step;
      skipped += step;
    }
    return skipped;
  }

  /** Reads a CRLF (or LF) terminated line of at most {@code max} bytes, ISO-8859-1. */
  String readLine(int max) throws IOException {
    StringBuilder line = new StringBuilder(64);
    int b;
    while ((b = read()) != '\n') {
      if (b < 0) {
        throw new EOFException("connection closed mid-line");
      }
      if (line.length() >= max) {
        throw new IOException("line too long");
      }
      line.append((char) b);
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return line.toString();
  }

  /** True when nothing of an answer has been read yet on this exchange (a stale connection). */
  boolean nothingRead() {
    return pos == 0 && limit == 0;
  }

  private boolean fill() throws IOException {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("deadline");
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** Ready for the next exchange on the same connection: the previous answer was read to its end. */
  void parked(long nowNanos) {
    reused = true;
    idleSinceNanos = nowNanos;
    // Anything still buffered belongs to no request of ours: such a connection is not reusable.
    if (pos != limit) {
      closeQuietly();
    }
    pos = 0;
    limit = 0;
  }

  long idleSinceNanos() {
    return idleSinceNanos;
  }

  boolean isOpen() {
    return !socket.isClosed();
  }

  void closeQuietly() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing: nothing left to do
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
