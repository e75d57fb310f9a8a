package io.idforge.identity.core.document.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.core.fixtures.ImageBombs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The decoding bulkhead: never more decodes than permits, a bounded wait ending in "busy", and
 * the decoder taking and returning a permit around every decode. Threads are coordinated with
 * latches, never by sleeping.
 */
class DecodeBulkheadTest {

  final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void neverMoreHoldersThanPermitsAndTheRestAreToldBusy() throws Exception {
    DecodeBulkhead bulkhead = new DecodeBulkhead(2, Duration.ofMillis(50));
    CountDownLatch toldBusy = new CountDownLatch(4);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Future<String>> callers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      callers.add(pool.submit(() -> {
        try (DecodeBulkhead.Permit p = bulkhead.enter()) {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          release.await(30, TimeUnit.SECONDS); // hold the permit until the others gave up
          inside.decrementAndGet();
          return "decoded";
        } catch (DecodeBusyException busy) {
          toldBusy.countDown();
          return "busy";
        }
      }));
    }
    assertTrue(toldBusy.await(30, TimeUnit.SECONDS), "four callers gave up after the wait");
    release.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : callers) {
      outcomes.add(f.get(30, TimeUnit.SECONDS));
    }
    assertEquals(2, outcomes.stream().filter("decoded"::equals).count(), outcomes::toString);
    assertEquals(4, outcomes.stream().filter("busy"::equals).count(), outcomes::toString);
    assertEquals(2, most.get(), "at most two at once");
    assertEquals(2, bulkhead.available(), "every permit returned");
  }

  @Test
  void aWaiterGetsThePermitReleasedWithinItsWait() throws Exception {
    DecodeBulkhead bulkhead = new DecodeBulkhead(1, Duration.ofSeconds(30));
    DecodeBulkhead.Permit held = bulkhead.enter();
    CountDownLatch waiting = new CountDownLatch(1);
    Future<Boolean> waiter = pool.submit(() -> {
      waiting.countDown();
      try (DecodeBulkhead.Permit p = bulkhead.enter()) {
        return true;
      }
    });
    assertTrue(waiting.await(10, TimeUnit.SECONDS));
    held.close();
    held.close(); // a second close releases nothing more
    assertTrue(waiter.get(30, TimeUnit.SECONDS));
    assertEquals(1, bulkhead.available());
  }

  @Test
  void busyCarriesTheServiceUnavailableCodeAndARetryDelay() {
    DecodeBulkhead bulkhead = new DecodeBulkhead(1, Duration.ZERO);
    try (DecodeBulkhead.Permit held = bulkhead.enter()) {
      DecodeBusyException busy = assertThrows(DecodeBusyException.class, bulkhead::enter);
      assertEquals(ErrorCode.SERVICE_UNAVAILABLE, busy.errorCode());
      assertEquals(503, busy.errorCode().httpStatus());
      assertEquals(Duration.ofSeconds(1), busy.retryAfter(), "no wait configured: retry in 1 s");
    }
  }

  @Test
  void anInterruptedWaitIsBusyAndKeepsTheInterrupt() {
    DecodeBulkhead b = new DecodeBulkhead(1, Duration.ofSeconds(30));
    b.enter();
    Thread.currentThread().interrupt();
    DecodeBusyException busy = assertThrows(DecodeBusyException.class, b::enter);
    assertTrue(Thread.interrupted(), "interrupt flag kept (and cleared here)");
    assertEquals(Duration.ofSeconds(30), busy.retryAfter(), "retry after the configured wait");
  }

  @Test
  void theDecoderTakesAPermitPerDecodeAndGivesItBackWhateverTheOutcome() {
    DecodeBulkhead bulkhead = new DecodeBulkhead(1, Duration.ZERO);
    ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults(), ImageDecoder.DEFAULT_MAX_PIXELS, bulkhead);
    byte[] png = ImageBombs.encode(SyntheticDocuments.sharpCard(200, 120), "png");
    byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);

    try (DecodeBulkhead.Permit held = bulkhead.enter()) {
      assertThrows(DecodeBusyException.class, () -> decoder.decode(png), "all permits taken");
      // Refusals that need no decode still answer while the decoders are busy.
      assertEquals(ImageDecoding.Problem.NOT_AN_IMAGE,
          assertInstanceOf(ImageDecoding.NotDecoded.class, decoder.decode(new byte[] {1, 2, 3})).problem());
    }
    assertInstanceOf(ImageDecoding.Decoded.class, decoder.decode(png));
    assertEquals(1, bulkhead.available(), "returned after a decode");
    assertEquals(ImageDecoding.Problem.CORRUPT,
        assertInstanceOf(ImageDecoding.NotDecoded.class, decoder.decode(truncated)).problem());
    assertEquals(1, bulkhead.available(), "returned after a damaged file");
  }

  @Test
  void concurrentDecodesThroughOneDecoderAllSucceedWithinThePermits() throws Exception {
    DecodeBulkhead bulkhead = new DecodeBulkhead(2, Duration.ofSeconds(60));
    ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults(), ImageDecoder.DEFAULT_MAX_PIXELS, bulkhead);
    byte[] png = ImageBombs.encode(SyntheticDocuments.sharpCard(400, 250), "png");
    List<Future<ImageDecoding>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(pool.submit(() -> decoder.decode(png)));
    }
    for (Future<ImageDecoding> r : results) {
      assertInstanceOf(ImageDecoding.Decoded.class, r.get(60, TimeUnit.SECONDS));
    }
    assertEquals(2, bulkhead.available());
  }

  @Test
  void nonsenseSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DecodeBulkhead(0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new DecodeBulkhead(1, Duration.ofSeconds(-1)));
  }
}
