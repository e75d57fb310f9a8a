package io.idforge.identity.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.TestData;
import io.idforge.identity.core.application.CheckService;
import io.idforge.identity.core.application.ProcessExpiry;
import io.idforge.identity.core.application.validations.ValidationService;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.process.ProcessRepository;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExpireProcessesJobTest {

  /** Overdue ids in deadline order; expiring one removes it, like the real claim query would. */
  static final class FakeProcesses implements ProcessRepository {
    final TreeMap<Long, OffsetDateTime> overdue = new TreeMap<>();

    @Override
    public List<Long> findOverdueIds(OffsetDateTime now, int limit) {
      return overdue.entrySet().stream()
          .filter(e -> !e.getValue().isAfter(now))
          .map(java.util.Map.Entry::getKey)
          .limit(limit)
          .toList();
    }

    @Override
    public Optional<IdentityProcess> find(String clientId, String processId) {
      return Optional.empty();
    }

    @Override
    public Optional<IdentityProcess> findByJti(String jti) {
      return Optional.empty();
    }

    @Override
    public List<IdentityProcess> list(String clientId, ProcessQuery q, long beforeId, int limit) {
      return List.of();
    }

    @Override
    public List<IdentityProcess> claimOverdue(OffsetDateTime now, int limit, Collection<Long> excluded) {
      return List.of();
    }

    @Override
    public void writeSwept(List<IdentityProcess> swept) {}

    @Override
    public Optional<IdentityProcess> lock(long id) {
      return Optional.empty();
    }

    @Override
    public void store(IdentityProcess process) {}
  }

  /**
   * Expires batches like the real claim (oldest first, excluded ids left out); a batch holding the
   * poison id fails as a whole (rolls back), and so does the poison id on its own.
   */
  static final class RecordingExpiry extends ProcessExpiry {
    final FakeProcesses processes;
    final List<Long> expired = new ArrayList<>();
    final List<List<Long>> batches = new ArrayList<>();
    final List<Long> alone = new ArrayList<>();
    Long poison;

    RecordingExpiry(FakeProcesses processes) {
      this.processes = processes;
    }

    @Override
    public synchronized Batch expireBatch(OffsetDateTime now, int limit, Collection<Long> excluded) {
      List<Long> claimed =
          processes.findOverdueIds(now, Integer.MAX_VALUE).stream().filter(id -> !excluded.contains(id)).limit(limit).toList();
      batches.add(claimed);
      if (poison != null && claimed.contains(poison)) {
        throw new IllegalStateException("batch rolled back");
      }
      claimed.forEach(processes.overdue::remove);
      expired.addAll(claimed);
      return new Batch(claimed.size(), claimed.size());
    }

    @Override
    public synchronized boolean expireById(long id, OffsetDateTime now) {
      alone.add(id);
      if (poison != null && poison == id) {
        throw new IllegalStateException("poison row");
      }
      if (processes.overdue.remove(id) == null) {
        return false; // already handled elsewhere: idempotent
      }
      expired.add(id);
      return true;
    }
  }

  /** Checks past due; handling one removes it, and the first one's grace is used up. */
  static final class RecordingChecks extends CheckService {
    final List<String> due = new ArrayList<>();
    final List<String> handled = new ArrayList<>();

    @Override
    public List<String> due(OffsetDateTime now, int limit) {
      return List.copyOf(due.subList(0, Math.min(limit, due.size())));
    }

    @Override
    public List<String> reviewsDue(OffsetDateTime now, int limit) {
      return List.of();
    }

    @Override
    public boolean overdue(String validationId) {
      handled.add(validationId);
      due.remove(validationId);
      return handled.size() == 1;
    }
  }

  /** Standalone validations past their input deadline; the second one got its input meanwhile. */
  static final class RecordingStandalone extends ValidationService {
    final List<String> due = new ArrayList<>();
    final List<String> handled = new ArrayList<>();

    @Override
    public List<String> inputDue(int limit) {
      return List.copyOf(due.subList(0, Math.min(limit, due.size())));
    }

    @Override
    public boolean expireIfInputDue(String validationId) {
      handled.add(validationId);
      return !validationId.equals("VLD-uploaded");
    }
  }

  static ExpireProcessesJob job(FakeProcesses processes, RecordingExpiry expiry, boolean leaseFree, int batch) {
    return job(processes, expiry, new RecordingChecks(), leaseFree, batch);
  }

  static ExpireProcessesJob job(
      FakeProcesses processes, RecordingExpiry expiry, RecordingChecks checks, boolean leaseFree, int batch) {
    ExpireProcessesJob job = new ExpireProcessesJob();
    job.checks = checks;
    job.standalone = new RecordingStandalone();
    job.processes = processes;
    job.expiry = expiry;
    job.leases = (name, owner, now, until) -> {
      assertEquals(ExpireProcessesJob.JOB_NAME, name);
      assertTrue(until.isAfter(now), "a lease must last into the future");
      return leaseFree;
    };
    job.clock = TestData.CLOCK;
    job.interval = Duration.ofSeconds(30);
    job.batchSize = batch;
    return job;
  }

  @Test
  void checksPastTheirDueTimeAreHandedOverOneByOneAndCountWhenTheyExpire() {
    RecordingChecks checks = new RecordingChecks();
    checks.due.addAll(List.of("VLD1", "VLD2"));
    FakeProcesses processes = new FakeProcesses();
    ExpireProcessesJob job = job(processes, new RecordingExpiry(processes), checks, true, 10);
    assertEquals(1, job.runOnce(), "the first check's grace was used up, the second got another period");
    assertEquals(List.of("VLD1", "VLD2"), checks.handled);
  }

  @Test
  void standaloneValidationsPastTheirTimeoutExpireOneByOne() {
    FakeProcesses processes = new FakeProcesses();
    ExpireProcessesJob job = job(processes, new RecordingExpiry(processes), true, 10);
    RecordingStandalone standalone = new RecordingStandalone();
    standalone.due.addAll(List.of("VLD-waiting", "VLD-uploaded", "VLD-late"));
    job.standalone = standalone;
    assertEquals(2, job.runOnce(), "the one whose input arrived meanwhile does not count");
    assertEquals(List.of("VLD-waiting", "VLD-uploaded", "VLD-late"), standalone.handled);
  }

  @Test
  void expiresEveryOverdueProcessAcrossBatchesAndLeavesTheOthers() {
    FakeProcesses processes = new FakeProcesses();
    for (long id = 1; id <= 7; id++) {
      processes.overdue.put(id, TestData.now().minusMinutes(id));
    }
    processes.overdue.put(100L, TestData.now().plusMinutes(1)); // not due yet
    RecordingExpiry expiry = new RecordingExpiry(processes);

    assertEquals(7, job(processes, expiry, true, 3).runOnce());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), expiry.expired);
    assertEquals(List.of(100L), List.copyOf(processes.overdue.keySet()));
  }

  @Test
  void expiresInBatchesOfTheConfiguredSize() {
    FakeProcesses processes = new FakeProcesses();
    for (long id = 1; id <= 7; id++) {
      processes.overdue.put(id, TestData.now().minusMinutes(10 - id));
    }
    RecordingExpiry expiry = new RecordingExpiry(processes);
    assertEquals(7, job(processes, expiry, true, 3).runOnce());
    assertEquals(List.of(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L)), expiry.batches);
    assertEquals(List.of(), expiry.alone, "no batch failed, so nothing went the one-by-one way");
  }

  @Test
  void aProcessThatSpoilsItsBatchIsIsolatedAndTheOthersStillExpire() {
    FakeProcesses processes = new FakeProcesses();
    for (long id = 1; id <= 7; id++) {
      processes.overdue.put(id, TestData.now().minusMinutes(10 - id));
    }
    RecordingExpiry expiry = new RecordingExpiry(processes);
    expiry.poison = 2L;
    ExpireProcessesJob job = job(processes, expiry, true, 3);

    assertEquals(6, job.runOnce(), "every process but the poison one expired");
    assertEquals(List.of(1L, 3L, 4L, 5L, 6L, 7L), expiry.expired.stream().sorted().toList());
    assertEquals(List.of(2L), List.copyOf(processes.overdue.keySet()), "the poison one is left pending, not half-written");
    assertTrue(expiry.alone.contains(2L), "the poison one was retried alone");

    expiry.alone.clear();
    expiry.batches.clear();
    assertEquals(0, job.runOnce());
    assertEquals(List.of(List.of()), expiry.batches, "the next pass leaves the isolated process out of its batch");
    assertEquals(List.of(), expiry.alone);
  }

  @Test
  void twoWorkersShareTheBacklogAndExpireEachProcessOnce() {
    FakeProcesses processes = new FakeProcesses();
    for (long id = 1; id <= 50; id++) {
      processes.overdue.put(id, TestData.now().minusMinutes(100 - id));
    }
    RecordingExpiry expiry = new RecordingExpiry(processes);
    ExpireProcessesJob job = job(processes, expiry, true, 3);
    job.workers = 2;
    job.sweepers = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      assertEquals(50, job.runOnce());
    } finally {
      job.sweepers.shutdownNow();
    }
    assertEquals(50, expiry.expired.size());
    assertEquals(50, new java.util.HashSet<>(expiry.expired).size(), "no process expired twice");
    assertTrue(processes.overdue.isEmpty());
  }

  @Test
  void doesNothingWithoutTheLease() {
    FakeProcesses processes = new FakeProcesses();
    processes.overdue.put(1L, TestData.now().minusMinutes(1));
    RecordingExpiry expiry = new RecordingExpiry(processes);
    assertEquals(0, job(processes, expiry, false, 10).runOnce());
    assertEquals(List.of(), expiry.expired);
  }

  @Test
  void aSecondPassFindsNothingLeftToDo() {
    FakeProcesses processes = new FakeProcesses();
    processes.overdue.put(1L, TestData.now().minusMinutes(1));
    RecordingExpiry expiry = new RecordingExpiry(processes);
    ExpireProcessesJob job = job(processes, expiry, true, 10);
    assertEquals(1, job.runOnce());
    assertEquals(0, job.runOnce());
  }
}
