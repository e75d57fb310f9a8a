package io.idforge.identity.core.domain.webhook;

import io.idforge.identity.core.domain.event.ProcessEvent;
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
 * One event owed to one endpoint ({@code HIK…}, Truora's idempotency key): written in the
 * transaction that records the event, so nothing is lost; the event is copied (type, action,
 * object, time) so the log outlives the endpoint and reads without joins. The event id
 * ({@code HKE…}) is the same in every delivery and replay of an event, so receivers can
 * de-duplicate; a replay is a new row with a new key.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

  public static final String PREFIX = "HIK";

  /** {@code delivery_status} on the wire. */
  public enum Status {
    PENDING,
    SUCCESS,
    FAILURE;

    public String wireValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Id
  @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
  private Long id;

  @Column(name = "idempotency_key", length = 40, nullable = false, unique = true, updatable = false)
  private String idempotencyKey;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "endpoint_id", length = 40, nullable = false, updatable = false)
  private String endpointId;

  @Column(name = "event_id", length = 40, nullable = false, updatable = false)
  private String eventId;

  @Column(name = "event_type", length = 60, nullable = false, updatable = false)
  private String eventType;

  @Column(name = "event_action", length = 40, nullable = false, updatable = false)
  private String eventAction;

  @Column(name = "object", nullable = false, updatable = false)
  private String object;

  @Column(name = "event_at", nullable = false, updatable = false)
  private OffsetDateTime eventAt;

  @Column(name = "status", length = 10, nullable = false)
  private String status;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private OffsetDateTime nextAttemptAt;

  @Column(name = "last_http_status")
  private Integer lastHttpStatus;

  /** A short, secret-free reason for the last failed attempt (e.g. "timeout", "HTTP 500"). */
  @Column(name = "last_error", length = 200)
  private String lastError;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected WebhookDelivery() {}

  private WebhookDelivery(
      String clientId, String endpointId, String eventId, String eventType, String eventAction,
      String object, OffsetDateTime eventAt, OffsetDateTime now) {
    this.idempotencyKey = PublicIds.next(PREFIX);
    this.clientId = clientId;
    this.endpointId = endpointId;
    this.eventId = eventId;
    this.eventType = eventType;
    this.eventAction = eventAction;
    this.object = object;
    this.eventAt = eventAt;
    this.status = "pending";
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The delivery of a freshly recorded event to one endpoint, due at once. */
  public static WebhookDelivery of(ProcessEvent e, WebhookEndpoint endpoint, OffsetDateTime now) {
    return new WebhookDelivery(
        e.clientId(), endpoint.endpointId(), e.eventId(), e.eventType(), e.eventAction(), e.object(), e.createdAt(), now);
  }

  /** A new delivery of the same event to the same endpoint (a replay): new key, same event id. */
  public WebhookDelivery replay(OffsetDateTime now) {
    return new WebhookDelivery(clientId, endpointId, eventId, eventType, eventAction, object, eventAt, now);
  }

  /** Taken by a drain: nobody else sends it until {@code until} (the claim outlives a crash). */
  public void claim(OffsetDateTime until) {
    this.nextAttemptAt = until;
  }

  public void succeeded(int httpStatus, OffsetDateTime now) {
    this.attempts++;
    this.status = "success";
    this.lastHttpStatus = httpStatus;
    this.lastError = null;
    this.updatedAt = now;
  }

  /**
   * Records a failed attempt: due again at {@code retryAt}, or {@code failure} for good when there
   * is none.
   */
  public void attemptFailed(Integer httpStatus, String error, OffsetDateTime retryAt, OffsetDateTime now) {
    this.attempts++;
    this.lastHttpStatus = httpStatus;
    this.lastError = error == null ? null : error.substring(0, Math.min(200, error.length()));
    this.updatedAt = now;
    if (retryAt == null) {
      this.status = "failure";
    } else {
      this.nextAttemptAt = retryAt;
    }
  }

  /** Put back without counting an attempt (the endpoint's breaker is open, or it is disabled). */
  public void postpone(OffsetDateTime until, OffsetDateTime now) {
    this.nextAttemptAt = until;
    this.updatedAt = now;
  }

  /** Given up without an attempt (the endpoint was deleted). */
  public void abandon(String reason, OffsetDateTime now) {
    this.status = "failure";
    this.lastError = reason;
    this.updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public String clientId() {
    return clientId;
  }

  public String endpointId() {
    return endpointId;
  }

  public String eventId() {
    return eventId;
  }

  public String eventType() {
    return eventType;
  }

  public String eventAction() {
    return eventAction;
  }

  public String object() {
    return object;
  }

  public OffsetDateTime eventAt() {
    return eventAt;
  }

  public Status status() {
    return Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
  }

  public int attempts() {
    return attempts;
  }

  public OffsetDateTime nextAttemptAt() {
    return nextAttemptAt;
  }

  public Integer lastHttpStatus() {
    return lastHttpStatus;
  }

  public String lastError() {
    return lastError;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
