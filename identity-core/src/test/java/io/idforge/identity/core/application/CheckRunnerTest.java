package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner's own threads: as many checks at once as configured, and a full queue never throws. */
class CheckRunnerTest {

  /** Plain threads standing in for the container's managed ones, counted. */
  static final class CountingThreads implements ManagedThreadFactory {
    final AtomicInteger made = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      made.incrementAndGet();
      Thread t = new Thread(r, "check-test-" + made.get());
      t.setDaemon(true);
      return t;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }

  /** Each check's input read waits until {@code together} checks are inside it at once. */
  static final class GatheringChecks extends CheckService {
    final CountDownLatch together;
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> read = new CopyOnWriteArrayList<>();

    GatheringChecks(int together) {
      this.together = new CountDownLatch(together);
    }

    @Override
    public Optional<CheckInputs> inputs(String validationId, int attempt) {
      read.add(validationId);
      together.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Optional.empty(); // already decided: nothing to run
    }
  }

  private CheckRunner runner;

  private CheckRunner runner(int threads, int queue, CheckService checks, CountingThreads factory) {
    runner = new CheckRunner();
    runner.threads = threads;
    runner.queue = queue;
    runner.threadFactory = factory;
    runner.checks = checks;
    return runner;
  }

  @AfterEach
  void stop() {
    if (runner != null) {
      runner.stop();
    }
  }

  @Test
  void runsAsManyChecksAtOnceAsItHasThreads() throws Exception {
    GatheringChecks checks = new GatheringChecks(3);
    CountingThreads factory = new CountingThreads();
    CheckRunner r = runner(3, 10, checks, factory);
    for (int i = 1; i <= 3; i++) {
      r.submit(new CheckRequested("VLD" + i, 1));
    }
    assertTrue(checks.together.await(10, TimeUnit.SECONDS),
        "three checks in progress at the same time (on one thread they would wait for each other)");
    assertEquals(3, factory.made.get(), "threads come from the managed thread factory");
    checks.release.countDown();
  }

  @Test
  void aFullQueueLeavesTheCheckToTheJobWithoutThrowing() throws Exception {
    GatheringChecks checks = new GatheringChecks(1);
    CheckRunner r = runner(1, 1, checks, new CountingThreads());
    r.submit(new CheckRequested("VLD-running", 1));
    assertTrue(checks.together.await(10, TimeUnit.SECONDS));
    r.submit(new CheckRequested("VLD-queued", 1));
    r.submit(new CheckRequested("VLD-refused", 1)); // queue of one is full: logged, not thrown
    checks.release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (checks.read.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(200);
    assertEquals(List.of("VLD-running", "VLD-queued"), checks.read);
  }
}
