package io.idforge.identity.core.engine;

import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.validation.Validation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A process (or one standalone validation) as the engine sees it inside one locked transaction:
 * the process, its flow version, its validations in step order, and what the engine produced that
 * the caller must store or do after commit (new validations, review tasks, events, checks to run).
 * Nobody else can change it while the row lock is held, so it is read once.
 */
public final class ProcessRecord {

  private final IdentityProcess process;
  private final FlowDefinition definition;
  private final List<Validation> validations;
  private final Function<Validation, Optional<ReviewTask>> openReviews;
  private final String actor;

  private final List<Validation> created = new ArrayList<>();
  private final List<ReviewTask> reviews = new ArrayList<>();
  private final List<ProcessEvent> events = new ArrayList<>();
  private final List<Validation> checks = new ArrayList<>();

  private ProcessRecord(
      IdentityProcess process,
      FlowDefinition definition,
      List<Validation> validations,
      Function<Validation, Optional<ReviewTask>> openReviews,
      String actor) {
    this.process = process;
    this.definition = definition;
    this.validations = new ArrayList<>(validations);
    this.openReviews = openReviews;
    this.actor = actor;
  }

  /**
   * @param openReviews finds the open review task of a validation (read only when needed)
   * @param actor who causes the changes, recorded on every event ({@code user}, {@code system},
   *     {@code reviewer:<id>}, {@code backend:<key name>})
   */
  public static ProcessRecord of(
      IdentityProcess process,
      FlowDefinition definition,
      List<Validation> validations,
      Function<Validation, Optional<ReviewTask>> openReviews,
      String actor) {
    return new ProcessRecord(process, definition, validations, openReviews, actor);
  }

  /** A validation of the Validations API that belongs to no process. */
  public static ProcessRecord standalone(
      Validation validation, Function<Validation, Optional<ReviewTask>> openReviews, String actor) {
    return new ProcessRecord(null, null, List.of(validation), openReviews, actor);
  }

  /** The process, or null for a standalone validation. */
  public IdentityProcess process() {
    return process;
  }

  public boolean hasProcess() {
    return process != null;
  }

  public FlowDefinition definition() {
    return definition;
  }

  /** The step the process is on, or null when it has finished (or there is no process). */
  public FlowStep currentStep() {
    if (process == null || !process.isPending() || process.currentStepIndex() >= definition.steps().size()) {
      return null;
    }
    return definition.steps().get(process.currentStepIndex());
  }

  /** The step of {@code v}, or null for a standalone validation. */
  public FlowStep stepOf(Validation v) {
    return definition == null ? null : definition.steps().get(v.stepIndex());
  }

  public List<Validation> validations() {
    return Collections.unmodifiableList(validations);
  }

  /** The last validation of step {@code stepIndex} (a retried step may have several), or null. */
  public Validation latestAt(int stepIndex) {
    return latestAt(validations, stepIndex);
  }

  /** As {@link #latestAt(int)} over any step-ordered list (results, expiry). */
  public static Validation latestAt(List<Validation> ordered, int stepIndex) {
    Validation latest = null;
    for (Validation v : ordered) {
      if (v.stepIndex() == stepIndex) {
        latest = v;
      }
    }
    return latest;
  }

  public Optional<Validation> find(String validationId) {
    return validations.stream().filter(v -> v.validationId().equals(validationId)).findFirst();
  }

  Optional<ReviewTask> openReviewOf(Validation v) {
    for (ReviewTask t : reviews) {
      if (t.validationId().equals(v.validationId()) && t.isOpen()) {
        return Optional.of(t);
      }
    }
    return openReviews.apply(v);
  }

  public String actor() {
    return actor;
  }

  void add(Validation v) {
    validations.add(v);
    created.add(v);
  }

  void add(ReviewTask t) {
    reviews.add(t);
  }

  void record(ProcessEvent e) {
    events.add(e);
  }

  void dispatch(Validation v) {
    if (!checks.contains(v)) {
      checks.add(v);
    }
  }

  /**
   * Hands over what the engine produced since the last call and forgets it, so that storing a
   * record twice in one transaction stores each thing once.
   */
  public Effects drain() {
    Effects e = new Effects(List.copyOf(created), List.copyOf(reviews), List.copyOf(events), List.copyOf(checks));
    created.clear();
    reviews.clear();
    events.clear();
    checks.clear();
    return e;
  }

  /** What a transaction must store (and run after commit). */
  public record Effects(
      List<Validation> validations, List<ReviewTask> reviews, List<ProcessEvent> events, List<Validation> checks) {}

  /** Validations the engine created: the caller stores them. */
  public List<Validation> createdValidations() {
    return List.copyOf(created);
  }

  /** Review tasks the engine opened: the caller stores them. */
  public List<ReviewTask> openedReviews() {
    return List.copyOf(reviews);
  }

  /** Events of this transaction, in order: the caller appends them to the log. */
  public List<ProcessEvent> events() {
    return List.copyOf(events);
  }

  /** Validations whose check must run once this transaction has committed. */
  public List<Validation> checksToRun() {
    return List.copyOf(checks);
  }
}
