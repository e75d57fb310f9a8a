package io.idforge.identity.core.domain.review;

import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.PublicIds;
import io.idforge.identity.core.privacy.SealedColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A validation waiting for a human ({@code REV…}): opened when a check cannot decide (face matching
 * is off, nothing could be read) or a reason that triggers manual review fails a step whose flow
 * enables it. A reviewer claims it, then decides it once; {@code @Version} turns a concurrent
 * second decision into a conflict. Past {@link #dueAt()} it can no longer be decided.
 */
@Entity
@Table(name = "review_task")
public class ReviewTask {

  public static final String PREFIX = "REV";

  /** Where a task stands. */
  public enum Status {
    OPEN,
    DECIDED,
    EXPIRED,
    CANCELED;

    public String wireValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Id
  @SequenceGenerator(name = "review_task_seq", sequenceName = "review_task_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_task_seq")
  private Long id;

  @Column(name = "review_id", length = 40, nullable = false, unique = true, updatable = false)
  private String reviewId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "process_id", length = 40, updatable = false)
  private String processId;

  @Column(name = "validation_id", length = 40, nullable = false, updatable = false)
  private String validationId;

  @Column(name = "validation_type", length = 30, nullable = false, updatable = false)
  private String validationType;

  /** Why the validation is here: a catalogue code or {@code face_matching_off}. */
  @Column(name = "reason", length = 80, nullable = false, updatable = false)
  private String reason;

  @Convert(converter = SealedColumns.ReviewNote.class)

  @Column(name = "note", length = 2048)
  private String note;

  @Column(name = "status", length = 10, nullable = false)
  private String status;

  @Column(name = "claimed_by", length = 100)
  private String claimedBy;

  @Column(name = "claimed_at")
  private OffsetDateTime claimedAt;

  @Column(name = "decision", length = 10)
  private String decision;

  /** The catalogued declined reason a reviewer gave when declining. */
  @Column(name = "decision_reason", length = 80)
  private String decisionReason;

  @Column(name = "decided_by", length = 100)
  private String decidedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "due_at", nullable = false, updatable = false)
  private OffsetDateTime dueAt;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Version
  @Column(name = "version")
  private Long version;

  protected ReviewTask() {}

  public ReviewTask(
      String clientId,
      String processId,
      String validationId,
      String validationType,
      String reason,
      OffsetDateTime now,
      OffsetDateTime dueAt) {
    this.reviewId = PublicIds.next(PREFIX);
    this.clientId = clientId;
    this.processId = processId;
    this.validationId = validationId;
    this.validationType = validationType;
    this.reason = reason;
    this.status = Status.OPEN.wireValue();
    this.createdAt = now;
    this.dueAt = dueAt;
  }

  /**
   * Takes the task for {@code reviewer}; claiming again by the same reviewer is harmless.
   *
   * @throws ConflictException when it is decided, past its deadline or held by someone else
   */
  public void claim(String reviewer, OffsetDateTime now) {
    requireOpen(now);
    if (claimedBy != null && !claimedBy.equals(reviewer)) {
      throw new ConflictException("Review " + reviewId + " is claimed by " + claimedBy);
    }
    claimedBy = reviewer;
    claimedAt = now;
  }

  /**
   * Records the decision. A task nobody claimed may be decided directly (the decider claims it);
   * one claimed by another reviewer may not.
   *
   * @param declinedReason the catalogued reason when declining, else null
   */
  public void decide(boolean approved, String declinedReason, String reviewer, String note, OffsetDateTime now) {
    claim(reviewer, now);
    this.status = Status.DECIDED.wireValue();
    this.decision = approved ? "approved" : "declined";
    this.decisionReason = declinedReason;
    this.decidedBy = reviewer;
    this.note = note;
    this.decidedAt = now;
  }

  /** Closes a task whose validation ended without a decision (expired, canceled). */
  public void close(Status why, OffsetDateTime now) {
    if (isOpen()) {
      status = why.wireValue();
      decidedAt = now;
    }
  }

  private void requireOpen(OffsetDateTime now) {
    if (!isOpen()) {
      throw new ConflictException("Review " + reviewId + " is already " + status);
    }
    if (!now.isBefore(dueAt)) {
      throw new ConflictException("Review " + reviewId + " is past its deadline (" + dueAt + ")");
    }
  }

  public boolean isOpen() {
    return Status.OPEN.wireValue().equals(status);
  }

  public boolean isClaimedBy(String reviewer) {
    return Objects.equals(claimedBy, reviewer);
  }

  public Long id() {
    return id;
  }

  public String reviewId() {
    return reviewId;
  }

  public String clientId() {
    return clientId;
  }

  public String processId() {
    return processId;
  }

  public String validationId() {
    return validationId;
  }

  public String validationType() {
    return validationType;
  }

  public String reason() {
    return reason;
  }

  public String note() {
    return note;
  }

  public String status() {
    return status;
  }

  public String claimedBy() {
    return claimedBy;
  }

  public OffsetDateTime claimedAt() {
    return claimedAt;
  }

  public String decision() {
    return decision;
  }

  public String decisionReason() {
    return decisionReason;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime dueAt() {
    return dueAt;
  }

  public OffsetDateTime decidedAt() {
    return decidedAt;
  }
}
