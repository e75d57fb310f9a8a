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
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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
    ProcessRecord.Effects effects = r.drain();
    for (Validation v : effects.validations()) {
      validations.store(v);
    }
    for (ReviewTask t : effects.reviews()) {
      reviews.store(t);
    }
    for (ProcessEvent e : effects.events()) {
      events.append(e);
    }
    // Deliveries owed to webhook endpoints commit with the events (see WebhookFanout).
    webhooks.fanOut(effects.events());
    if (!effects.events().isEmpty()) {
      recorded.fire(new EventsRecorded(effects.events()));
    }
    for (Validation v : effects.checks()) {
      // Observed after a successful commit only: a check never starts on input that rolled back.
      checkRequests.fire(new CheckRequested(v.validationId(), v.attempt()));
    }
  }
}
