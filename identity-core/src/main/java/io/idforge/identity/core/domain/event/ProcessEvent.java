package io.idforge.identity.core.domain.event;

import io.idforge.identity.core.domain.shared.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One recorded change ({@code HKE…}) in Truora's vocabulary: {@code event_type} names the object
 * ({@code digital_identity.identity_process}, {@code digital_identity.document_validation}, …),
 * {@code event_action} what happened to it ({@code created}, {@code succeeded}, {@code failed},
 * {@code step_succeeded}, {@code overwritten_success}, …) and {@code object} is a JSON snapshot of
 * the object right after the change. Append-only. {@link #sequence()} grows with every event, so a
 * tenant's events sort in the order they were committed per process (ids are allocated before
 * commit, so two processes' events may interleave out of commit order; a process's own never do,
 * its row lock orders them).
 */
@Entity
@Table(name = "process_event")
public class ProcessEvent {

  public static final String PREFIX = "HKE";

  @Id
  @SequenceGenerator(name = "process_event_seq", sequenceName = "process_event_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "process_event_seq")
  private Long id;

  @Column(name = "event_id", length = 40, nullable = false, unique = true, updatable = false)
  private String eventId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "process_id", length = 40, updatable = false)
  private String processId;

  @Column(name = "validation_id", length = 40, updatable = false)
  private String validationId;

  @Column(name = "event_type", length = 60, nullable = false, updatable = false)
  private String eventType;

  @Column(name = "event_action", length = 40, nullable = false, updatable = false)
  private String eventAction;

  /** Who caused it: {@code user}, {@code system}, {@code backend:<key name>}, {@code reviewer:<id>}. */
  @Column(name = "actor", length = 120, nullable = false, updatable = false)
  private String actor;

  @Column(name = "object", nullable = false, updatable = false)
  private String object;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected ProcessEvent() {}

  public ProcessEvent(
      String clientId,
      String processId,
      String validationId,
      String eventType,
      String eventAction,
      String actor,
      String objectJson,
      OffsetDateTime now) {
    this.eventId = PublicIds.next(PREFIX);
    this.clientId = clientId;
    this.processId = processId;
    this.validationId = validationId;
    this.eventType = eventType;
    this.eventAction = eventAction;
    this.actor = actor;
    this.object = objectJson;
    this.createdAt = now;
  }

  public Long sequence() {
    return id;
  }

  /**
   * Sets the id of an event that a repository inserts itself, in one batch, instead of through the
   * persistence context ({@link EventRepository#appendAll}); taken from the same sequence.
   */
  public void assignSequence(long sequence) {
    if (id != null) {
      throw new IllegalStateException("event " + eventId + " already has its sequence");
    }
    id = sequence;
  }

  public String eventId() {
    return eventId;
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

  public String eventType() {
    return eventType;
  }

  public String eventAction() {
    return eventAction;
  }

  public String actor() {
    return actor;
  }

  public String object() {
    return object;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
