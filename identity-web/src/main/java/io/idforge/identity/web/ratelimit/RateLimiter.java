package io.idforge.identity.web.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key: each key may spend {@code limit} units per {@code window}, refilled
 * continuously, so a burst of {@code limit} is allowed and then one unit every {@code window /
 * limit}. Memory is bounded: buckets that have refilled completely carry no information and are
 * swept when the table reaches {@code maxKeys}; if it is still full, new keys are not tracked (the
 * other limits of the request still apply) rather than letting an attacker grow the heap.
 */
public final class RateLimiter {

  private final int limit;
  private final double nanosPerUnit;
  private final int maxKeys;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int limit, Duration window, int maxKeys, LongSupplier nanoClock) {
    if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException("a rate limit needs limit >= 1, a positive window and maxKeys >= 1");
    }
    this.limit = limit;
    this.nanosPerUnit = (double) window.toNanos() / limit;
    this.maxKeys = maxKeys;
    this.nanoClock = nanoClock;
  }

  /** How long {@code key} must wait for one unit; empty when one is available now. Spends nothing. */
  public Optional<Duration> waitFor(String key) {
    Bucket b = buckets.get(key);
    return b == null ? Optional.empty() : b.waitFor(nanoClock.getAsLong());
  }

  /** Spends one unit of {@code key} if there is one; otherwise answers how long to wait. */
  public Optional<Duration> tryAcquire(String key) {
    Bucket b = bucket(key);
    return b == null ? Optional.empty() : b.tryAcquire(nanoClock.getAsLong());
  }

  /** Spends one unit of {@code key}, or nothing when it has none left (a failure already refused). */
  public void record(String key) {
    tryAcquire(key);
  }

  int trackedKeys() {
    return buckets.size();
  }

  private Bucket bucket(String key) {
    Bucket b = buckets.get(key);
    if (b != null) {
      return b;
    }
    if (buckets.size() >= maxKeys) {
      long now = nanoClock.getAsLong();
      buckets.values().removeIf(x -> x.isFull(now));
      if (buckets.size() >= maxKeys) {
        return null;
      }
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(limit, nanoClock.getAsLong()));
  }

  /** One key's units; synchronised per bucket, so keys never contend with each other. */
  private final class Bucket {

    private double units;
    private long updated;

    Bucket(double units, long now) {
      this.units = units;
      this.updated = now;
    }

    synchronized Optional<Duration> waitFor(long now) {
      refill(now);
      return units >= 1 ? Optional.empty() : Optional.of(Duration.ofNanos((long) Math.ceil((1 - units) * nanosPerUnit)));
    }

    synchronized Optional<Duration> tryAcquire(long now) {
      refill(now);
      if (units >= 1) {
        units -= 1;
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos((long) Math.ceil((1 - units) * nanosPerUnit)));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return units >= limit;
    }

    private void refill(long now) {
      long elapsed = now - updated;
      if (elapsed > 0) {
        units = Math.min(limit, units + elapsed / nanosPerUnit);
        updated = now;
      }
    }
  }
}
