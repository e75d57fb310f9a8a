package io.idforge.identity.web.outbound.webhook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idle keep-alive connections, per route (scheme, host, port and the checked address): a
 * connection is only ever reused for the same host name at the same address, so a pooled socket
 * never carries a request the URL rules did not check. At most {@code maxIdlePerRoute} wait per
 * route; a connection idle longer than {@code maxIdleNanos} is closed instead of reused (receivers
 * close idle connections themselves, often after 5 to 60 s), and a sweep at most every
 * {@code maxIdleNanos} closes those of routes no longer used.
 */
final class ConnectionPool {

  private final int maxIdlePerRoute;
  private final long maxIdleNanos;
  private final Map<HttpTarget.Route, Deque<HttpConnection>> idle = new ConcurrentHashMap<>();
  private volatile long lastSweepNanos = System.nanoTime();

  ConnectionPool(int maxIdlePerRoute, long maxIdleNanos) {
    this.maxIdlePerRoute = maxIdlePerRoute;
    this.maxIdleNanos = maxIdleNanos;
  }

  /** The most recently used idle connection of the route, or null. */
  HttpConnection take(HttpTarget.Route route) {
    Deque<HttpConnection> q = idle.get(route);
    if (q == null) {
      return null;
    }
    long now = System.nanoTime();
    while (true) {
      HttpConnection c;
      synchronized (q) {
        c = q.pollLast();
      }
      if (c == null) {
        return null;
      }
      if (c.isOpen() && now - c.idleSinceNanos() < maxIdleNanos) {
        return c;
      }
      c.closeQuietly();
    }
  }

  /** Parks a connection whose answer was read to its end, or closes it when the route is full. */
  void give(HttpConnection c) {
    long now = System.nanoTime();
    c.parked(now);
    if (!c.isOpen()) {
      return;
    }
    Deque<HttpConnection> q = idle.computeIfAbsent(c.route(), r -> new ArrayDeque<>());
    boolean kept;
    synchronized (q) {
      kept = q.size() < maxIdlePerRoute && q.offerLast(c);
    }
    if (!kept) {
      c.closeQuietly();
    }
    if (now - lastSweepNanos > maxIdleNanos) {
      lastSweepNanos = now;
      sweep(now);
    }
  }

  /** Idle connections of a route (for tests). */
  int idleCount(HttpTarget.Route route) {
    Deque<HttpConnection> q = idle.get(route);
    if (q == null) {
      return 0;
    }
    synchronized (q) {
      return q.size();
    }
  }

  private void sweep(long now) {
    for (Deque<HttpConnection> q : idle.values()) {
      synchronized (q) {
        q.removeIf(c -> {
          boolean stale = !c.isOpen() || now - c.idleSinceNanos() >= maxIdleNanos;
          if (stale) {
            c.closeQuietly();
          }
          return stale;
        });
      }
    }
  }

  void closeAll() {
    for (Deque<HttpConnection> q : idle.values()) {
      synchronized (q) {
        q.forEach(HttpConnection::closeQuietly);
        q.clear();
      }
    }
  }
}
