package io.idforge.identity.core.domain.webtoken;

import io.idforge.identity.core.domain.shared.ForbiddenException;
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

/**
 * The record of one issued web integration token, kept by its {@code jti}. The token itself is
 * never stored. A token starts at most one process: {@link #bindTo} sets {@code process_id} once,
 * and a unique constraint on it backs that rule in the database.
 */
@Entity
@Table(name = "web_token")
public class WebToken {

  @Id
  @SequenceGenerator(name = "web_token_seq", sequenceName = "web_token_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "web_token_seq")
  private Long id;

  @Column(name = "jti", length = 36, nullable = false, unique = true, updatable = false)
  private String jti;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "key_type", length = 20, nullable = false, updatable = false)
  private String keyType;

  @Column(name = "grant_type", length = 40, nullable = false, updatable = false)
  private String grant;

  @Column(name = "key_name", length = 100, updatable = false)
  private String keyName;

  @Column(name = "username", length = 100, updatable = false)
  private String username;

  @Column(name = "account_id", length = 100, nullable = false, updatable = false)
  private String accountId;

  @Column(name = "flow_id", length = 64, nullable = false, updatable = false)
  private String flowId;

  @Column(name = "country", length = 3, nullable = false, updatable = false)
  private String country;

  @Column(name = "redirect_url", length = 2048, nullable = false, updatable = false)
  private String redirectUrl;

  @Column(name = "document_type", length = 30, updatable = false)
  private String documentType;

  /** JSON-encoded request data beyond the fixed columns: phones, emails, metadata. */
  @Convert(converter = SealedColumns.TokenRequestData.class)
  @Column(name = "request_data", updatable = false)
  private String requestData;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "process_id", length = 40, unique = true)
  private String processId;

  @Version
  @Column(name = "version")
  private Long version;

  protected WebToken() {}

  public WebToken(IssuedWebToken issued) {
    this.jti = issued.jti();
    this.clientId = issued.clientId();
    this.keyType = issued.keyType();
    this.grant = issued.grant();
    this.keyName = issued.keyName();
    this.username = issued.username();
    this.accountId = issued.accountId();
    this.flowId = issued.flowId();
    this.country = issued.country();
    this.redirectUrl = issued.redirectUrl();
    this.documentType = issued.documentType();
    this.requestData = issued.requestData();
    this.issuedAt = issued.issuedAt();
    this.expiresAt = issued.expiresAt();
  }

  public boolean isExpired(OffsetDateTime now) {
    return !now.isBefore(expiresAt);
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  /** Refuses a revoked token: its user's access ends at once, wherever it is used. */
  public void requireNotRevoked() {
    if (isRevoked()) {
      throw new ForbiddenException("Forbidden: the api key has been revoked");
    }
  }

  /** Binds the token to the process it started. A token never starts a second process. */
  public void bindTo(String newProcessId) {
    if (processId != null && !processId.equals(newProcessId)) {
      throw new IllegalStateException("web token already bound to another process");
    }
    processId = newProcessId;
  }

  public boolean revoke(OffsetDateTime now) {
    if (revokedAt != null) {
      return false;
    }
    revokedAt = now;
    return true;
  }

  public Long id() {
    return id;
  }

  public String jti() {
    return jti;
  }

  public String clientId() {
    return clientId;
  }

  public String keyType() {
    return keyType;
  }

  public String grant() {
    return grant;
  }

  public String keyName() {
    return keyName;
  }

  public String accountId() {
    return accountId;
  }

  public String flowId() {
    return flowId;
  }

  public String country() {
    return country;
  }

  public String redirectUrl() {
    return redirectUrl;
  }

  public String documentType() {
    return documentType;
  }

  public String requestData() {
    return requestData;
  }

  public OffsetDateTime issuedAt() {
    return issuedAt;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public OffsetDateTime revokedAt() {
    return revokedAt;
  }

  public String processId() {
    return processId;
  }
}
