package io.idforge.identity.web.incontainer;

import io.idforge.identity.api.spi.GovernmentRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry gateway the in-container review suite controls: it answers {@code VALID} at once,
 * except while a test {@link #hold}s the holder born on a given date: then those calls block (as a
 * registry that answers after the step timeout would) until the test {@link #release()}s them, or
 * at most a minute. Keyed by birth date so that a check left over from one test never blocks in
 * another. Replaces {@code HttpGovernmentRegistry} in that deployment only.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class SlowRegistry implements GovernmentRegistry {

  private volatile LocalDate held;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile CountDownLatch entered = new CountDownLatch(1);
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();

  /** From now on calls for the holder born on {@code dateOfBirth} block until {@link #release()}. */
  public void hold(LocalDate dateOfBirth) {
    calls.set(0);
    entered = new CountDownLatch(1);
    gate = new CountDownLatch(1);
    held = dateOfBirth;
  }

  /** Lets every blocked and later call answer. */
  public void release() {
    held = null;
    gate.countDown();
  }

  /** Waits until a held check has reached the registry (and is now blocked in it). */
  public boolean awaitEntered(long seconds) throws InterruptedException {
    return entered.await(seconds, TimeUnit.SECONDS);
  }

  /** Held calls since the last {@link #hold}. */
  public int calls() {
    return calls.get();
  }

  /** Held calls still blocked or answering. */
  public int inFlight() {
    return inFlight.get();
  }

  @Override
  public boolean isConfigured() {
    return true;
  }

  @Override
  public boolean covers(String country) {
    return true;
  }

  @Override
  public RegistryAnswer check(RegistryQuery query) {
    CountDownLatch g = gate;
    if (held != null && held.equals(query.dateOfBirth())) {
      calls.incrementAndGet();
      inFlight.incrementAndGet();
      entered.countDown();
      try {
        g.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
    }
    return new RegistryAnswer(Verdict.VALID, "test registry", "found");
  }
}
