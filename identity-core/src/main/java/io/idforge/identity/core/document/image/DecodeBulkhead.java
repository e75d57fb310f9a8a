package io.idforge.identity.core.document.image;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many pictures are decoded at once. Decoding is CPU and memory bound (a 48-megapixel
 * photo inflates to ~140 MB before subsampling is applied row by row), so more decodes than cores
 * only add heap pressure and latency for everyone. A caller waits at most {@code maxWait} for a
 * permit, then gets {@link DecodeBusyException} ("busy, try again") instead of joining an
 * unbounded queue.
 *
 * <p>A plain semaphore rather than MicroProfile Fault Tolerance's {@code @Bulkhead}: the house
 * style keeps Fault Tolerance on outbound adapters, and this must also hold for plain-Java callers
 * (the face engine, its benchmark and evaluation tools) outside CDI. Fair, so waiting uploads are
 * served in arrival order.
 */
public final class DecodeBulkhead {

  private final Semaphore permits;
  private final int size;
  private final Duration maxWait;

  /**
   * @param permits concurrent decodes allowed (config {@code identity.images.decode-permits})
   * @param maxWait longest wait for a permit (config {@code identity.images.decode-wait})
   */
  public DecodeBulkhead(int permits, Duration maxWait) {
    if (permits < 1) {
      throw new IllegalArgumentException("decode permits must be at least 1: " + permits);
    }
    if (maxWait == null || maxWait.isNegative()) {
      throw new IllegalArgumentException("decode wait must be zero or positive: " + maxWait);
    }
    this.permits = new Semaphore(permits, true);
    this.size = permits;
    this.maxWait = maxWait;
  }

  /** One permit per core, waiting at most 2 s: the defaults of the configuration. */
  public static DecodeBulkhead perCore() {
    return new DecodeBulkhead(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
  }

  /**
   * A permit, to be closed (try-with-resources) when the decode is done.
   *
   * @throws DecodeBusyException when no permit became free within the wait, or the thread was
   *     interrupted while waiting (its interrupt flag is kept)
   */
  public Permit enter() {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new DecodeBusyException(maxWait.isZero() ? Duration.ofSeconds(1) : maxWait);
    }
    return new Permit();
  }

  /** Permits free right now (for tests and metrics). */
  public int available() {
    return permits.availablePermits();
  }

  /** The configured number of permits. */
  public int size() {
    return size;
  }

  /** A taken permit; closing it twice releases once. */
  public final class Permit implements AutoCloseable {
    private boolean released;

    private Permit() {}

    @Override
    public void close() {
      if (!released) {
        released = true;
        permits.release();
      }
    }
  }
}
