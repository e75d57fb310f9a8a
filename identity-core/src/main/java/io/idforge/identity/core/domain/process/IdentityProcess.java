package io.idforge.identity.core.domain.process;

import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.PublicIds;
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

/**
 * One run of a flow version for one account ({@code IDP…}), started by the first open of a web
 * token. It is {@code pending} until it succeeds or fails; a failure records exactly one of
 * {@code declined_reason} or {@code expired_reason}, both catalogue codes. Named
 * {@code IdentityProcess} because {@link java.lang.Process} is imported implicitly everywhere.
 */
@Entity
@Table(name = "identity_process")
public class IdentityProcess {

  /** Extra time granted when every input is in but a validation is still working. */
  public static final Duration GRACE = Duration.ofMinutes(5);

  public static final int MAX_GRACE_EXTENSIONS = 3;

  @Id
  @SequenceGenerator(name = "identity_process_seq", sequenceName = "identity_process_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_process_seq")
  private Long id;

  @Column(name = "process_id", length = 40, nullable = false, unique = true, updatable = false)
  private String processId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "account_id", length = 100, nullable = false, updatable = false)
  private String accountId;

  @Column(name = "flow_id", length = 40, nullable = false, updatable = false)
  private String flowId;

  @Column(name = "flow_version", nullable = false, updatable = false)
  private int flowVersion;

  @Column(name = "jti", length = 36, nullable = false, unique = true, updatable = false)
  private String jti;

  @Column(name = "created_via", length = 20, nullable = false, updatable = false)
  private String createdVia;

  @Column(name = "country", length = 3, nullable = false, updatable = false)
  private String country;

  @Column(name = "redirect_url", length = 2048, nullable = false, updatable = false)
  private String redirectUrl;

  /** JSON of the token's request data (phones, emails, {@code start_variables.metadata}). */
  @Convert(converter = SealedColumns.ProcessStartData.class)
  @Column(name = "start_data", updatable = false)
  private String startData;

  @Embedded private Outcome outcome;

  @Column(name = "current_step_index", nullable = false)
  private int currentStepIndex;

  @Column(name = "grace_extensions", nullable = false)
  private int graceExtensions;

  @Column(name = "ip_address", length = 45)
  private String ipAddress;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  /** The status an operator set on the finished process (Truora's {@code override_status}). */
  @Column(name = "override_status", length = 10)
  private String overrideStatus;

  /** JSON array of the overrides, oldest first (Truora's {@code override_status_history}). */
  @Column(name = "override_history")
  private String overrideHistory;

  /** When the personal data was erased; written only by the eraser (one statement per table). */
  @Column(name = "redacted_at", insertable = false, updatable = false)
  private OffsetDateTime redactedAt;

  /** The data authorization: null until the user answered the consent screen. */
  @Column(name = "consent_given")
  private Boolean consentGiven;

  @Column(name = "consent_text_version", length = 40)
  private String consentTextVersion;

  @Column(name = "consent_at")
  private OffsetDateTime consentAt;

  @Column(name = "consent_ip", length = 45)
  private String consentIp;

  @Column(name = "consent_user_agent", length = 512)
  private String consentUserAgent;

  @Version
  @Column(name = "version")
  private Long version;

  protected IdentityProcess() {}

  public IdentityProcess(ProcessStart start, OffsetDateTime now) {
    this.processId = PublicIds.next(PublicIds.PROCESS);
    this.clientId = start.clientId();
    this.accountId = start.accountId();
    this.flowId = start.flowId();
    this.flowVersion = start.flowVersion();
    this.jti = start.jti();
    this.createdVia = start.createdVia();
    this.country = start.country();
    this.redirectUrl = start.redirectUrl();
    this.startData = start.startData();
    this.ipAddress = start.ipAddress();
    this.outcome = Outcome.pending();
    this.createdAt = now;
    this.updatedAt = now;
    this.expiresAt = start.expiresAt();
  }

  /**
   * A pending process as the expiry sweep claimed it (see {@link OverdueRow}): not managed by the
   * persistence context and without its sealed start data, redirect URL, token id or consent, which
   * expiry never reads. The engine decides on it as on any process; what it changed (outcome,
   * deadline, grace extensions) reaches the table through {@link ProcessRepository#writeSwept}.
   */
  public static IdentityProcess claimed(OverdueRow row) {
    IdentityProcess p = new IdentityProcess();
    p.id = row.id();
    p.processId = row.processId();
    p.clientId = row.clientId();
    p.accountId = row.accountId();
    p.flowId = row.flowId();
    p.flowVersion = row.flowVersion();
    p.country = row.country();
    p.createdVia = row.createdVia();
    p.outcome = Outcome.pending();
    p.currentStepIndex = row.currentStepIndex();
    p.graceExtensions = row.graceExtensions();
    p.createdAt = row.createdAt();
    p.updatedAt = row.updatedAt();
    p.expiresAt = row.expiresAt();
    return p;
  }

  public boolean isPending() {
    return outcome.isPending();
  }

  /** True when the process is still pending at or after its deadline. */
  public boolean isOverdue(OffsetDateTime now) {
    return isPending() && !now.isBefore(expiresAt);
  }

  /** Fails the process as expired with a catalogued {@code expired_reason}. */
  public void expire(String reason, OffsetDateTime now) {
    requirePending();
    outcome.expire(reason);
    updatedAt = now;
  }

  /**
   * Records the user's answer to the data authorization, once.
   *
   * @param textVersion the version and language of the text shown, e.g. {@code 1/es}
   */
  public void recordConsent(boolean given, String textVersion, String ip, String userAgent, OffsetDateTime now) {
    requirePending();
    if (consentGiven != null) {
      throw new IllegalStateException("the consent of " + processId + " was already recorded");
    }
    consentGiven = given;
    consentTextVersion = textVersion;
    consentAt = now;
    consentIp = ip == null || ip.length() > 45 ? null : ip;
    consentUserAgent = userAgent == null ? null : userAgent.substring(0, Math.min(512, userAgent.length()));
    updatedAt = now;
  }

  /** The user's answer to the data authorization; null when not asked or not answered yet. */
  public Boolean consentGiven() {
    return consentGiven;
  }

  public String consentTextVersion() {
    return consentTextVersion;
  }

  public OffsetDateTime consentAt() {
    return consentAt;
  }

  public String consentIp() {
    return consentIp;
  }

  public String consentUserAgent() {
    return consentUserAgent;
  }

  /** Fails the process as declined with a catalogued {@code declined_reason}. */
  public void decline(String reason, OffsetDateTime now) {
    requirePending();
    outcome.decline(reason);
    updatedAt = now;
  }

  public void failWithSystemError(OffsetDateTime now) {
    requirePending();
    outcome.failWithSystemError();
    updatedAt = now;
  }

  public void succeed(OffsetDateTime now) {
    requirePending();
    outcome.succeed();
    updatedAt = now;
  }

  /** Moves to the next step after the current one succeeded. */
  public void advance(OffsetDateTime now) {
    requirePending();
    currentStepIndex++;
    updatedAt = now;
  }

  public boolean extendForPendingChecksPossible() {
    return graceExtensions < MAX_GRACE_EXTENSIONS;
  }

  /**
   * Grants one more {@link #GRACE} period when all inputs are in but a check is still running, as
   * Truora does up to three times.
   *
   * @return false when the grace periods are used up
   */
  public boolean extendForPendingChecks(OffsetDateTime now) {
    if (!extendForPendingChecksPossible()) {
      return false;
    }
    graceExtensions++;
    expiresAt = now.plus(GRACE);
    updatedAt = now;
    return true;
  }

  /**
   * Keeps the process alive at least until {@code until} (a manual review's deadline): a process
   * waiting for a human must not expire before the human's own deadline does.
   */
  public void holdUntil(OffsetDateTime until, OffsetDateTime now) {
    requirePending();
    if (until.isAfter(expiresAt)) {
      expiresAt = until;
      updatedAt = now;
    }
  }

  /**
   * An operator's final word on a finished process: {@code success} over a failure or the other
   * way round. The original outcome stays; results show {@code override_status} beside it.
   *
   * @param historyJson the whole history after this override, as the engine wrote it
   */
  public void override(ProcessStatus to, String historyJson, OffsetDateTime now) {
    if (isPending()) {
      throw new ConflictException("Process " + processId + " has not finished yet: only a finished process can be overridden");
    }
    if (to == ProcessStatus.PENDING) {
      throw new IllegalArgumentException("an override is success or failure");
    }
    if (to == effectiveStatus()) {
      throw new ConflictException("Process " + processId + " is already " + to.wireValue());
    }
    overrideStatus = to.wireValue();
    overrideHistory = historyJson;
    updatedAt = now;
  }

  /** The status that counts: the override when there is one (Truora's rule), else the outcome. */
  public ProcessStatus effectiveStatus() {
    return overrideStatus == null ? status() : ProcessStatus.fromWire(overrideStatus).orElseThrow();
  }

  public String overrideStatus() {
    return overrideStatus;
  }

  public String overrideHistory() {
    return overrideHistory;
  }

  private void requirePending() {
    if (!isPending()) {
      throw new ConflictException("Process " + processId + " has already finished");
    }
  }

  public Long id() {
    return id;
  }

  /** True once the personal data of this process was erased (retention or DELETE). */
  public boolean isRedacted() {
    return redactedAt != null;
  }

  public OffsetDateTime redactedAt() {
    return redactedAt;
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

  public String flowId() {
    return flowId;
  }

  public int flowVersion() {
    return flowVersion;
  }

  public String jti() {
    return jti;
  }

  public String createdVia() {
    return createdVia;
  }

  public String country() {
    return country;
  }

  public String redirectUrl() {
    return redirectUrl;
  }

  public String startData() {
    return startData;
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

  /** How many grace periods a still-running check has had (at most {@link #MAX_GRACE_EXTENSIONS}). */
  public int graceExtensions() {
    return graceExtensions;
  }

  public int currentStepIndex() {
    return currentStepIndex;
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

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }
}
