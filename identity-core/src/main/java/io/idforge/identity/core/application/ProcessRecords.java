package io.idforge.identity.core.application;

import io.idforge.identity.core.application.webhooks.WebhookFanout;
import io.idforge.identity.core.domain.event.EventRepository;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import io.idforge.identity.core.engine.EventNames;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every channel does around the engine: lock a process (or a standalone validation) into a
 * {@link ProcessRecord}, and store what the engine produced in the same transaction: new
 * validations, review tasks, the events of the log, and, for after commit, the checks to run. Runs
 * inside the caller's transaction.
 */
@ApplicationScoped
public class ProcessRecords {

  @Inject ProcessRepository processes;

  @Inject ValidationRepository validations;

  @Inject ReviewTaskRepository reviews;

  @Inject EventRepository events;

  @Inject WebhookFanout webhooks;

  @Inject FlowDefinitions definitions;

  @Inject Event<CheckRequested> checkRequests;

  @Inject Event<EventsRecorded> recorded;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "identity.checks.grace", defaultValue = "PT5M")
  Duration grace;

  /** The engine, with the application's clock and the configured grace period. */
  @Produces
  ProcessEngine engine() {
    return new ProcessEngine(clock, grace);
  }

  /**
   * Locks {@code found}'s row for this transaction and reads the rest of the record once.
   *
   * @param actor recorded on the events of this transaction
   */
  public ProcessRecord lock(IdentityProcess found, String actor) {
    IdentityProcess process =
        processes.lock(found.id()).orElseThrow(() -> new NotFoundException("Resource not found"));
    return ProcessRecord.of(
        process,
        definitions.of(process.flowId(), process.flowVersion()),
        validations.listByProcess(process.clientId(), process.processId()),
        v -> reviews.findOpenByValidation(v.clientId(), v.validationId()),
        actor);
  }

  /**
   * Records of processes the caller has already locked (the expiry sweep's claim), with their
   * validations read in one query instead of one per process. A validation is only attached to a
   * process of its own tenant.
   */
  public List<ProcessRecord> ofLocked(List<IdentityProcess> locked, String actor) {
    Map<String, List<Validation>> byProcess = new HashMap<>();
    List<String> ids = locked.stream().map(IdentityProcess::processId).toList();
    for (Validation v : validations.listByProcesses(ids)) {
      byProcess.computeIfAbsent(v.processId(), k -> new ArrayList<>()).add(v);
    }
    List<ProcessRecord> records = new ArrayList<>(locked.size());
    List<Validation> attached = new ArrayList<>();
    List<List<Validation>> owns = new ArrayList<>(locked.size());
    for (IdentityProcess process : locked) {
      List<Validation> own =
          byProcess.getOrDefault(process.processId(), List.of()).stream()
              .filter(v -> v.clientId().equals(process.clientId()))
              .toList();
      owns.add(own);
      attached.addAll(own);
    }
    OpenReviews open = openReviewsOfPending(attached);
    for (int i = 0; i < locked.size(); i++) {
      IdentityProcess process = locked.get(i);
      records.add(
          ProcessRecord.of(process, definitions.of(process.flowId(), process.flowVersion()), owns.get(i), open::of, actor));
    }
    return records;
  }

  /**
   * The open review tasks of a batch's pending validations (the ones expiry and cancellation
   * close), read in one query per tenant instead of one per validation; any other validation is
   * still looked up on its own.
   */
  private OpenReviews openReviewsOfPending(List<Validation> attached) {
    Map<String, List<String>> pendingByClient = new HashMap<>();
    for (Validation v : attached) {
      if (v.isPending()) {
        pendingByClient.computeIfAbsent(v.clientId(), k -> new ArrayList<>()).add(v.validationId());
      }
    }
    Map<String, ReviewTask> found = new HashMap<>();
    Set<String> asked = new HashSet<>();
    pendingByClient.forEach(
        (clientId, ids) -> {
          for (ReviewTask t : reviews.findOpenByValidations(clientId, ids)) {
            found.put(OpenReviews.key(clientId, t.validationId()), t);
          }
          ids.forEach(id -> asked.add(OpenReviews.key(clientId, id)));
        });
    return new OpenReviews(found, asked, reviews);
  }

  /** The outcome of {@code r}'s process when {@code events} hold its terminal event. */
  private static Optional<EventsRecorded.Finished> finishedIn(ProcessRecord r, List<ProcessEvent> events) {
    if (!r.hasProcess()) {
      return Optional.empty();
    }
    for (ProcessEvent e : events) {
      if (EventNames.PROCESS.equals(e.eventType())
          && (EventNames.SUCCEEDED.equals(e.eventAction()) || EventNames.FAILED.equals(e.eventAction()))) {
        IdentityProcess p = r.process();
        String reason = p.declinedReason() != null ? p.declinedReason() : p.expiredReason();
        return Optional.of(
            new EventsRecorded.Finished(
                p.status().wireValue(), p.failureStatus() == null ? null : p.failureStatus().wireValue(), reason));
      }
    }
    return Optional.empty();
  }

  /** Open review tasks read ahead for a batch, keyed by tenant and validation id. */
  private record OpenReviews(Map<String, ReviewTask> found, Set<String> asked, ReviewTaskRepository reviews) {
    static String key(String clientId, String validationId) {
      return clientId + '\n' + validationId;
    }

    Optional<ReviewTask> of(Validation v) {
      String key = key(v.clientId(), v.validationId());
      return asked.contains(key)
          ? Optional.ofNullable(found.get(key))
          : reviews.findOpenByValidation(v.clientId(), v.validationId());
    }
  }

  /** Locks a validation: its process when it has one, else the validation row itself. */
  public ProcessRecord lock(Validation found, String actor) {
    if (found.processId() != null) {
      IdentityProcess process =
          processes.find(found.clientId(), found.processId()).orElseThrow(() -> new NotFoundException("Resource not found"));
      return lock(process, actor);
    }
    Validation locked = validations.lock(found.id()).orElseThrow(() -> new NotFoundException("Validation not found"));
    return ProcessRecord.standalone(locked, v -> reviews.findOpenByValidation(v.clientId(), v.validationId()), actor);
  }

  /**
   * Stores what the engine produced since the last save in this transaction and schedules its
   * checks for after commit.
   */
  public void save(ProcessRecord r) {
    store(List.of(r), false);
  }

  /**
   * As {@link #save} for several records of one transaction (a sweep's batch): each record's
   * events in order, appended in one batch ({@link EventRepository#appendAll}), one webhook
   * fan-out (one endpoint read per tenant) and one metrics notification for all of them.
   */
  public void saveAll(List<ProcessRecord> records) {
    store(records, true);
  }

  private void store(List<ProcessRecord> records, boolean batchEvents) {
    List<ProcessEvent> recordedEvents = new ArrayList<>();
    List<Validation> checks = new ArrayList<>();
    List<EventsRecorded.Finished> finished = new ArrayList<>();
    for (ProcessRecord r : records) {
      ProcessRecord.Effects effects = r.drain();
      finishedIn(r, effects.events()).ifPresent(finished::add);
      for (Validation v : effects.validations()) {
        validations.store(v);
      }
      for (ReviewTask t : effects.reviews()) {
        reviews.store(t);
      }
      if (!batchEvents) {
        for (ProcessEvent e : effects.events()) {
          events.append(e);
        }
      }
      recordedEvents.addAll(effects.events());
      checks.addAll(effects.checks());
    }
    if (batchEvents) {
      events.appendAll(recordedEvents);
    }
    // Deliveries owed to webhook endpoints commit with the events (see WebhookFanout).
    webhooks.fanOut(recordedEvents);
    if (!recordedEvents.isEmpty()) {
      recorded.fire(new EventsRecorded(recordedEvents, finished));
    }
    for (Validation v : checks) {
      // Observed after a successful commit only: a check never starts on input that rolled back.
      checkRequests.fire(new CheckRequested(v.validationId(), v.attempt()));
    }
  }
}
