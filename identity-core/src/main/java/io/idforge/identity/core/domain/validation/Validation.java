package io.idforge.identity.core.domain.validation;

import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.Outcome;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.PublicIds;
import io.idforge.identity.core.otp.OtpChallenge;
import io.idforge.identity.core.privacy.SealedColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One run of a validator ({@code VLD…}), inside a process (one per attempt of a step) or on its own
 * (the Validations API, without a process). Its {@link ValidationState} moves only through
 * {@link #move(Trigger, OffsetDateTime)}, which keeps Truora's outcome columns ({@code status},
 * {@code failure_status}, reasons) in step with it. Which move happens when is decided by the
 * engine ({@code io.idforge.identity.core.engine}); this entity only refuses moves that do not exist.
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

  /** The process this validation belongs to; null for a standalone validation. */
  @Column(name = "process_id", length = 40, updatable = false)
  private String processId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "account_id", length = 100, nullable = false, updatable = false)
  private String accountId;

  @Column(name = "step_index", nullable = false, updatable = false)
  private int stepIndex;

  @Column(name = "type", length = 30, nullable = false, updatable = false)
  private String type;

  @Column(name = "state", length = 20, nullable = false)
  private String state;

  @Embedded private Outcome outcome;

  @Column(name = "allowed_retries", nullable = false)
  private int allowedRetries;

  @Column(name = "remaining_retries", nullable = false)
  private int remainingRetries;

  @Column(name = "threshold")
  private Double threshold;

  /** Seconds a check (and a standalone validation's input) may take: Truora's {@code timeout}. */
  @Column(name = "timeout_seconds", nullable = false)
  private int timeoutSeconds;

  /** Counts submissions; a check result names its attempt, so a stale one is ignored. */
  @Column(name = "attempt", nullable = false)
  private int attempt;

  /**
   * When a standalone validation stops waiting for its input (creation plus its timeout); null for
   * a process's validations, which live by their process's deadline. The expiry sweep reads it.
   */
  @Column(name = "input_due_at", updatable = false)
  private OffsetDateTime inputDueAt;

  /** When the running check is overdue (then the grace rule applies); null unless checking. */
  @Column(name = "check_due_at")
  private OffsetDateTime checkDueAt;

  /** Grace periods granted to the running check (at most three, as Truora). */
  @Column(name = "check_grace", nullable = false)
  private int checkGrace;

  /** The latest user-fixable reason while the user may still retry (shown by the hosted flow). */
  @Column(name = "last_reason", length = 80)
  private String lastReason;

  /** The document the user said they photographed (document validations). */
  @Column(name = "document_country", length = 3)
  private String documentCountry;

  @Column(name = "document_type", length = 30)
  private String documentType;

  @Column(name = "front_media_id", length = 40)
  private String frontMediaId;

  @Column(name = "reverse_media_id", length = 40)
  private String reverseMediaId;

  @Column(name = "face_media_id", length = 40)
  private String faceMediaId;

  /**
   * Active liveness: the actions asked for attempt {@link #livenessAttempt}, in order, as their
   * wire names joined by commas; chosen by the server, never by the client.
   */
  @Column(name = "liveness_actions", length = 80)
  private String livenessActions;

  @Column(name = "liveness_attempt")
  private Integer livenessAttempt;

  /** The recorded burst of the current attempt (one sealed media object holding every frame). */
  @Column(name = "frames_media_id", length = 40)
  private String framesMediaId;

  @Embedded private StoredOtp otp;

  /** JSON of the type-specific {@code details} object, written by the step handlers. */
  /**
   * A keyed hash of the document number read from this document (see {@code DocumentTags}), so
   * the console finds a tenant's processes by a number stored only sealed; erased with the rest.
   */
  @Column(name = "document_tag", length = 64)
  private String documentTag;

  @Convert(converter = SealedColumns.ValidationDetails.class)
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

  /**
   * A new validation waiting for its input.
   *
   * @param processId the process, or null for a standalone validation
   */
  public Validation(
      String processId,
      String clientId,
      String accountId,
      int stepIndex,
      StepType type,
      int allowedRetries,
      Double threshold,
      int timeoutSeconds,
      String ipAddress,
      OffsetDateTime now) {
    this.validationId = PublicIds.next(PublicIds.VALIDATION);
    this.processId = processId;
    this.clientId = clientId;
    this.accountId = accountId;
    this.stepIndex = stepIndex;
    this.type = type.wireValue();
    this.state = ValidationState.AWAITING_INPUT.wireValue();
    this.outcome = Outcome.pending();
    this.allowedRetries = allowedRetries;
    this.remainingRetries = allowedRetries;
    this.threshold = threshold;
    this.timeoutSeconds = timeoutSeconds;
    this.ipAddress = ipAddress;
    this.createdAt = now;
    this.updatedAt = now;
    this.inputDueAt = processId == null ? now.plusSeconds(timeoutSeconds) : null;
  }

  // --- the one way to change state ------------------------------------------------------------

  /**
   * Moves to the state {@code trigger} leads to, keeping the wire outcome in step.
   *
   * @param reason the catalogued declined or expired reason of a final failure; the user-fixable
   *     reason of a retry; null otherwise
   * @throws IllegalTransitionException when the current state has no such move
   */
  public ValidationState move(Trigger trigger, String reason, OffsetDateTime now) {
    ValidationState next = state().on(trigger);
    switch (next) {
      case SUCCEEDED -> {
        outcome.succeed();
        lastReason = null;
      }
      case DECLINED, CANCELED -> outcome.decline(reason);
      case EXPIRED -> outcome.expire(reason);
      case SYSTEM_ERROR -> outcome.failWithSystemError();
      case AWAITING_INPUT -> lastReason = reason;
      case IN_REVIEW -> lastReason = reason;
      case CHECKING -> {
        attempt++;
        checkDueAt = now.plusSeconds(timeoutSeconds);
        checkGrace = 0;
      }
    }
    if (next != ValidationState.CHECKING) {
      checkDueAt = null;
    }
    state = next.wireValue();
    updatedAt = now;
    return next;
  }

  /** As {@link #move(Trigger, String, OffsetDateTime)} for moves without a reason. */
  public ValidationState move(Trigger trigger, OffsetDateTime now) {
    return move(trigger, null, now);
  }

  /** Uses one retry; the caller checked that one is left. */
  public void useRetry() {
    if (remainingRetries <= 0) {
      throw new IllegalStateException("no retry left on " + validationId);
    }
    remainingRetries--;
  }

  /**
   * Grants the running check one more grace period, as Truora does up to three times.
   *
   * @return false when the grace periods are used up (the caller ends the validation)
   */
  public boolean extendCheck(Duration grace, int maxGrace, OffsetDateTime now) {
    requireState(ValidationState.CHECKING);
    if (checkGrace >= maxGrace) {
      return false;
    }
    checkGrace++;
    checkDueAt = now.plus(grace);
    updatedAt = now;
    return true;
  }

  /** Stores the type-specific details the handler wrote (null keeps the previous ones). */
  public void recordDetails(String detailsJson, OffsetDateTime now) {
    if (detailsJson != null) {
      details = detailsJson;
      updatedAt = now;
    }
  }

  /** Records the keyed hash of the document number the check read. */
  public void tagDocument(String tag) {
    documentTag = tag;
  }

  public String documentTag() {
    return documentTag;
  }

  public void attachDocument(String country, String docType, String frontId, String reverseId) {
    requireState(ValidationState.AWAITING_INPUT);
    documentCountry = country;
    documentType = docType;
    frontMediaId = frontId;
    reverseMediaId = reverseId;
  }

  /**
   * The document the Validations API announced at creation ({@code country}, {@code
   * document_type}): its sides then arrive one upload at a time.
   */
  public void expectDocument(String country, String docType) {
    requireState(ValidationState.AWAITING_INPUT);
    documentCountry = country;
    documentType = docType;
  }

  /**
   * Forgets the files of an earlier attempt before new upload links are handed out, so each link
   * fills a side of this attempt only.
   */
  public void clearInputs() {
    requireState(ValidationState.AWAITING_INPUT);
    frontMediaId = null;
    reverseMediaId = null;
    faceMediaId = null;
    framesMediaId = null;
  }

  /** One side of the announced document (the Validations API uploads sides one at a time). */
  public void attachDocumentSide(boolean front, String mediaId) {
    requireState(ValidationState.AWAITING_INPUT);
    if (front) {
      frontMediaId = mediaId;
    } else {
      reverseMediaId = mediaId;
    }
  }

  /**
   * A standalone validation created with {@code retry_of_id}: it continues the failed one's
   * allowance, one retry fewer (Truora's {@code remaining_retries} counts down across the chain).
   *
   * @throws IllegalStateException when {@code previous} has no retry left (the caller checked)
   */
  public void continueRetriesOf(Validation previous) {
    if (previous.remainingRetries <= 0) {
      throw new IllegalStateException("no retry left on " + previous.validationId);
    }
    allowedRetries = previous.allowedRetries;
    remainingRetries = previous.remainingRetries - 1;
  }

  public void attachFace(String mediaId) {
    requireState(ValidationState.AWAITING_INPUT);
    faceMediaId = mediaId;
    framesMediaId = null;
  }

  /**
   * A recorded liveness burst for the current attempt: the frames, and the neutral frame shown as
   * the selfie ({@code face_photo}).
   */
  public void attachBurst(String framesId, String selfieId) {
    requireState(ValidationState.AWAITING_INPUT);
    faceMediaId = selfieId;
    framesMediaId = framesId;
  }

  /**
   * The actions asked for the current attempt, choosing them with {@code chooser} on the first
   * call of each attempt; later calls of the same attempt return the same actions (a reload shows
   * the same challenge).
   */
  public java.util.List<String> livenessChallenge(java.util.function.Supplier<java.util.List<String>> chooser) {
    // The attempt counter moves on when input is submitted (CHECKING): the actions are stored for
    // the check the next submission starts.
    int forCheck = attempt + 1;
    if (livenessActions == null || livenessAttempt == null || livenessAttempt != forCheck) {
      requireState(ValidationState.AWAITING_INPUT);
      livenessActions = String.join(",", chooser.get());
      livenessAttempt = forCheck;
    }
    return java.util.List.of(livenessActions.split(","));
  }

  /**
   * The actions of the current attempt: while awaiting input, those asked for the next
   * submission; while checking, those of the running check. Empty when none were asked.
   */
  public java.util.List<String> livenessActions() {
    int forCheck = isChecking() ? attempt : attempt + 1;
    return livenessActions == null || livenessAttempt == null || livenessAttempt != forCheck
        ? java.util.List.of()
        : java.util.List.of(livenessActions.split(","));
  }

  public String framesMediaId() {
    return framesMediaId;
  }

  /** Stores a (re)issued one-time-code challenge; its retry count is the validation's. */
  public void storeChallenge(OtpChallenge challenge, OffsetDateTime now) {
    requireState(ValidationState.AWAITING_INPUT);
    otp = StoredOtp.of(challenge);
    remainingRetries = challenge.remainingRetries();
    updatedAt = now;
  }

  /** The stored challenge, or empty when no code was sent yet. */
  public Optional<OtpChallenge> challenge() {
    return otp == null || !otp.isPresent()
        ? Optional.empty()
        : Optional.of(otp.toChallenge(allowedRetries, remainingRetries));
  }

  private void requireState(ValidationState expected) {
    if (state() != expected) {
      throw new IllegalTransitionException(state(), Trigger.SUBMIT);
    }
  }

  // --- reads ------------------------------------------------------------------------------------

  public ValidationState state() {
    return ValidationState.fromWire(state).orElseThrow();
  }

  public boolean isPending() {
    return state().isLive();
  }

  public boolean awaitingInput() {
    return state() == ValidationState.AWAITING_INPUT;
  }

  public boolean isChecking() {
    return state() == ValidationState.CHECKING;
  }

  public boolean inReview() {
    return state() == ValidationState.IN_REVIEW;
  }

  public boolean isStandalone() {
    return processId == null;
  }

  public int attempt() {
    return attempt;
  }

  /** When a standalone validation stops waiting for input; null inside a process. */
  public OffsetDateTime inputDueAt() {
    return inputDueAt;
  }

  public OffsetDateTime checkDueAt() {
    return checkDueAt;
  }

  public int checkGrace() {
    return checkGrace;
  }

  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  public String lastReason() {
    return lastReason;
  }

  public String documentCountry() {
    return documentCountry;
  }

  public String documentType() {
    return documentType;
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
