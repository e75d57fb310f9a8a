package io.idforge.identity.core.domain.review;

import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A validation waiting for a human: opened when a check cannot decide (face matching is off, a
 * reason that triggers manual review in a flow that enables it). Decided once; {@code @Version}
 * makes a second, concurrent decision a conflict.
 */
@Entity
@Table(name = "review_task")
public class ReviewTask {

  public static final String PREFIX = "REV";

  @Id
  @SequenceGenerator(name = "review_task_seq", sequenceName = "review_task_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_task_seq")
  private Long id;

  @Column(name = "review_id", length = 40, nullable = false, unique = true, updatable = false)
  private String reviewId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "process_id", length = 40, nullable = false, updatable = false)
  private String processId;

  @Column(name = "validation_id", length = 40, nullable = false, updatable = false)
  private String validationId;

  /** Why the validation is here: a catalogue code or {@code face_matching_off}. */
  @Column(name = "reason", length = 80, nullable = false, updatable = false)
  private String reason;

  @Column(name = "note", length = 500)
  private String note;

  @Column(name = "status", length = 10, nullable = false)
  private String status;

  @Column(name = "decision", length = 10)
  private String decision;

  @Column(name = "decided_by", length = 100)
  private String decidedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Version
  @Column(name = "version")
  private Long version;

  protected ReviewTask() {}

  public ReviewTask(String clientId, String processId, String validationId, String reason, OffsetDateTime now) {
    this.reviewId = PublicIds.next(PREFIX);
    this.clientId = clientId;
    this.processId = processId;
    this.validationId = validationId;
    this.reason = reason;
    this.status = "open";
    this.createdAt = now;
  }

  /** Records the reviewer's decision; a task is decided once. */
  public void decide(boolean approved, String reviewer, String note, OffsetDateTime now) {
    if (!isOpen()) {
      throw new ConflictException("Review " + reviewId + " has already been decided");
    }
    this.status = "decided";
    this.decision = approved ? "approved" : "rejected";
    this.decidedBy = reviewer;
    this.note = note;
    this.decidedAt = now;
  }

  public boolean isOpen() {
    return "open".equals(status);
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

  public String reason() {
    return reason;
  }

  public String decision() {
    return decision;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
