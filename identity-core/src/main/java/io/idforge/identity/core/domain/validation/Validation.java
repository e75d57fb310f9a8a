package io.idforge.identity.core.domain.validation;

import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.Outcome;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.PublicIds;
import io.idforge.identity.core.otp.OtpChallenge;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One run of a validator within a process ({@code VLD…}). Created when the user starts the step;
 * {@code pending} while it waits for input, runs its checks or sits in manual review.
 */
@Entity
@Table(name = "validation")
public class Validation {

  @Id
  @SequenceGenerator(name = "validation_seq", sequenceName = "validation_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "validation_seq")
  private Long id;

  @Column(name = "validation_id", length = 40, nullable = false, unique = true, updatable = false)
  private String validationId;

  @Column(name = "process_id", length = 40, nullable = false, updatable = false)
  private String processId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "account_id", length = 100, nullable = false, updatable = false)
  private String accountId;

  @Column(name = "step_index", nullable = false, updatable = false)
  private int stepIndex;

  @Column(name = "type", length = 30, nullable = false, updatable = false)
  private String type;

  @Embedded private Outcome outcome;

  @Column(name = "allowed_retries", nullable = false)
  private int allowedRetries;

  @Column(name = "remaining_retries", nullable = false)
  private int remainingRetries;

  @Column(name = "threshold")
  private Double threshold;

  /** True until every input the validator needs (code, photos) has arrived. */
  @Column(name = "awaiting_input", nullable = false)
  private boolean awaitingInput;

  @Column(name = "in_review", nullable = false)
  private boolean inReview;

  /** The latest user-fixable reason while the user may still retry (shown by the hosted flow). */
  @Column(name = "last_reason", length = 80)
  private String lastReason;

  @Column(name = "front_media_id", length = 40)
  private String frontMediaId;

  @Column(name = "reverse_media_id", length = 40)
  private String reverseMediaId;

  @Column(name = "face_media_id", length = 40)
  private String faceMediaId;

  @Embedded private StoredOtp otp;

  /** JSON of the type-specific {@code details} object, written by the validator. */
  @Column(name = "details")
  private String details;

  @Column(name = "ip_address", length = 45)
  private String ipAddress;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version")
  private Long version;

  protected Validation() {}

  public Validation(
      String processId,
      String clientId,
      String accountId,
      int stepIndex,
      StepType type,
      int allowedRetries,
      Double threshold,
      String ipAddress,
      OffsetDateTime now) {
    this.validationId = PublicIds.next(PublicIds.VALIDATION);
    this.processId = processId;
    this.clientId = clientId;
    this.accountId = accountId;
    this.stepIndex = stepIndex;
    this.type = type.wireValue();
    this.outcome = Outcome.pending();
    this.allowedRetries = allowedRetries;
    this.remainingRetries = allowedRetries;
    this.threshold = threshold;
    this.awaitingInput = true;
    this.ipAddress = ipAddress;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public boolean isPending() {
    return outcome.isPending();
  }

  /** Ends a pending validation as expired. */
  public void expire(String reason, OffsetDateTime now) {
    if (!isPending()) {
      return;
    }
    outcome.expire(reason);
    inReview = false;
    updatedAt = now;
  }

  /** Records that the inputs of this attempt arrived and the checks can run. */
  public void inputsReceived(OffsetDateTime now) {
    requirePending();
    awaitingInput = false;
    updatedAt = now;
  }

  public void succeed(String detailsJson, OffsetDateTime now) {
    requirePending();
    outcome.succeed();
    details = detailsJson == null ? details : detailsJson;
    lastReason = null;
    inReview = false;
    updatedAt = now;
  }

  /** Ends the validation declined with a catalogued reason. */
  public void decline(String reason, String detailsJson, OffsetDateTime now) {
    requirePending();
    outcome.decline(reason);
    details = detailsJson == null ? details : detailsJson;
    inReview = false;
    updatedAt = now;
  }

  public void failWithSystemError(OffsetDateTime now) {
    requirePending();
    outcome.failWithSystemError();
    inReview = false;
    updatedAt = now;
  }

  /**
   * A user-fixable failure: uses one retry and waits for new input when one is left.
   *
   * @return true when the user may try again, false when no retry was left (the caller declines)
   */
  public boolean retryAfter(String reason, String detailsJson, OffsetDateTime now) {
    requirePending();
    details = detailsJson == null ? details : detailsJson;
    updatedAt = now;
    if (remainingRetries <= 0) {
      return false;
    }
    remainingRetries--;
    lastReason = reason;
    awaitingInput = true;
    return true;
  }

  /** Leaves the validation pending for a human decision. */
  public void sendToReview(String reason, String detailsJson, OffsetDateTime now) {
    requirePending();
    details = detailsJson == null ? details : detailsJson;
    lastReason = reason;
    awaitingInput = false;
    inReview = true;
    updatedAt = now;
  }

  public void attachDocument(String frontId, String reverseId) {
    requirePending();
    frontMediaId = frontId;
    reverseMediaId = reverseId;
  }

  public void attachFace(String mediaId) {
    requirePending();
    faceMediaId = mediaId;
  }

  /** Stores a (re)issued one-time-code challenge. */
  public void storeChallenge(OtpChallenge challenge, OffsetDateTime now) {
    requirePending();
    otp = StoredOtp.of(challenge);
    remainingRetries = challenge.remainingRetries();
    updatedAt = now;
  }

  /** The stored challenge, or empty when no code was sent yet. */
  public Optional<OtpChallenge> challenge() {
    return otp == null || !otp.isPresent() ? Optional.empty() : Optional.of(otp.toChallenge(allowedRetries, remainingRetries));
  }

  /** Records an attempt on the challenge (its state after {@code verify}). */
  public void recordAttempt(OtpChallenge after, String reason, OffsetDateTime now) {
    storeChallenge(after, now);
    lastReason = reason;
  }

  private void requirePending() {
    if (!isPending()) {
      throw new IllegalStateException("validation " + validationId + " has already finished");
    }
  }

  public String lastReason() {
    return lastReason;
  }

  public String frontMediaId() {
    return frontMediaId;
  }

  public String reverseMediaId() {
    return reverseMediaId;
  }

  public String faceMediaId() {
    return faceMediaId;
  }

  public Long id() {
    return id;
  }

  public String validationId() {
    return validationId;
  }

  public String processId() {
    return processId;
  }

  public String clientId() {
    return clientId;
  }

  public String accountId() {
    return accountId;
  }

  public int stepIndex() {
    return stepIndex;
  }

  public StepType type() {
    return StepType.fromWire(type).orElseThrow();
  }

  public ProcessStatus status() {
    return outcome.status();
  }

  public FailureStatus failureStatus() {
    return outcome.failureStatus();
  }

  public String declinedReason() {
    return outcome.declinedReason();
  }

  public String expiredReason() {
    return outcome.expiredReason();
  }

  public int allowedRetries() {
    return allowedRetries;
  }

  public int remainingRetries() {
    return remainingRetries;
  }

  public Double threshold() {
    return threshold;
  }

  public boolean awaitingInput() {
    return awaitingInput;
  }

  public boolean inReview() {
    return inReview;
  }

  public String details() {
    return details;
  }

  public String ipAddress() {
    return ipAddress;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
