package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.domain.shared.PageKeys;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reviewers' channel on the engine: a tenant's review queue, claiming a task and deciding it.
 * Like the hosted flow, each change is one transaction that locks the task's process, dispatches
 * to {@link ProcessEngine#decide} and stores what the engine produced; the decision then continues
 * the flow (next step) or finishes the process. Deciding twice, deciding a task another reviewer
 * holds and deciding past the task's deadline are conflicts (409), never silent no-ops.
 */
@Stateless
public class ReviewService {

  /** A reviewer id as the console or an integrator passes it (a user name or an e-mail address). */
  static final Pattern REVIEWER = Pattern.compile("[A-Za-z0-9_.@+-]{1,100}");

  /** The {@code note} column's size. */
  static final int MAX_NOTE = 500;

  @Inject ReviewTaskRepository reviews;

  @Inject ValidationRepository validations;

  @Inject ProcessRepository processes;

  @Inject ProcessRecords records;

  @Inject ProcessEngine engine;

  @Inject Clock clock;

  /** A reviewer's verdict on a task. */
  public enum Decision {
    APPROVED,
    DECLINED;

    public String wireValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code approved} or {@code declined}; anything else is a 400 naming {@code decision}. */
    public static Decision fromWire(String value) {
      return Arrays.stream(values())
          .filter(d -> d.wireValue().equals(value))
          .findFirst()
          .orElseThrow(() -> new InvalidRequestException("Invalid request: decision must be approved or declined"));
    }
  }

  /**
   * A page of the tenant's review tasks, oldest first (the queue order).
   *
   * @param status a task status ({@code open}, {@code decided}, {@code expired}, {@code canceled}) or null
   * @param type a validation type ({@code document-validation}, {@code face-recognition}, …) or null
   */
  public Page<ReviewTask> list(Caller caller, String status, String type, String startKey, int limit) {
    caller.requireBackend();
    if (status != null
        && Arrays.stream(ReviewTask.Status.values()).noneMatch(s -> s.wireValue().equals(status))) {
      throw new InvalidRequestException("Invalid request: status must be open, decided, expired or canceled");
    }
    if (type != null && StepType.fromWire(type).isEmpty()) {
      throw new InvalidRequestException("Invalid request: type must be a validation type, e.g. document-validation");
    }
    // Oldest first: the cursor is the last id shown, and the next page starts above it.
    long after = startKey == null || startKey.isBlank() ? 0 : PageKeys.decode(startKey);
    List<ReviewTask> rows = reviews.list(caller.clientId(), status, type, after, limit + 1);
    return PageKeys.page(rows, limit, ReviewTask::id);
  }

  /** One of the tenant's tasks; another tenant's id is a 404 like an unknown one. */
  public ReviewTask get(Caller caller, String reviewId) {
    caller.requireBackend();
    return find(caller, reviewId);
  }

  /**
   * Takes the task for {@code reviewer} so that nobody else decides it; claiming again by the same
   * reviewer is harmless.
   *
   * @throws ConflictException when it is decided, past its deadline or held by someone else
   */
  public ReviewTask claim(Caller caller, String reviewId, String reviewer) {
    caller.requireBackend();
    requireReviewer(reviewer);
    ReviewTask task = find(caller, reviewId);
    // The process row lock orders a claim after a decision that is being made right now.
    lock(task, reviewer);
    task.claim(reviewer, now());
    return task;
  }

  /**
   * Decides the task: approval continues the flow as a passed check would; a decline fails the step
   * and the process with {@code declinedReason} (a catalogued declined reason).
   *
   * @throws ConflictException when the task is no longer open, is claimed by another reviewer or
   *     is past its deadline
   */
  public ReviewTask decide(
      Caller caller, String reviewId, Decision decision, String declinedReason, String reviewer, String note) {
    caller.requireBackend();
    requireReviewer(reviewer);
    if (decision == Decision.APPROVED && declinedReason != null) {
      throw new InvalidRequestException("Invalid request: declined_reason is only allowed with decision declined");
    }
    if (note != null && note.length() > MAX_NOTE) {
      throw new InvalidRequestException("Invalid request: note must be at most " + MAX_NOTE + " characters");
    }
    ReviewTask task = find(caller, reviewId);
    ProcessRecord r = lock(task, reviewer);
    if (!task.isOpen()) {
      throw new ConflictException("Review " + task.reviewId() + " is already " + task.status());
    }
    Validation v =
        r.find(task.validationId()).orElseThrow(() -> new NotFoundException("Resource not found"));
    engine.decide(r, v, task, decision == Decision.APPROVED, declinedReason, reviewer, note);
    records.save(r);
    return task;
  }

  private ReviewTask find(Caller caller, String reviewId) {
    return reviews
        .find(caller.clientId(), reviewId)
        .orElseThrow(() -> new NotFoundException("Resource not found"));
  }

  /**
   * Locks the task's process (or its standalone validation). The process is found by id, not
   * through the validation, so the validations are read only after the lock and are current.
   */
  private ProcessRecord lock(ReviewTask task, String reviewer) {
    if (task.processId() != null) {
      IdentityProcess process =
          processes.find(task.clientId(), task.processId()).orElseThrow(() -> new NotFoundException("Resource not found"));
      return records.lock(process, actor(reviewer));
    }
    Validation v =
        validations.find(task.clientId(), task.validationId()).orElseThrow(() -> new NotFoundException("Resource not found"));
    return records.lock(v, actor(reviewer));
  }

  private static void requireReviewer(String reviewer) {
    if (reviewer == null || !REVIEWER.matcher(reviewer).matches()) {
      throw new InvalidRequestException("Invalid request: reviewer must match [A-Za-z0-9_.@+-]{1,100}");
    }
  }

  /** The actor recorded on the events a reviewer causes. */
  static String actor(String reviewer) {
    return "reviewer:" + reviewer;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
