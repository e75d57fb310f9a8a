package io.idforge.identity.core.domain.backendkey;

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
 * A tenant's key that is looked up by digest: the permanent backend API key (the {@code
 * Truora-API-Key} of server-to-server calls) and the two keys of Truora's validations SDK, the
 * {@code generator} key (long-lived, shipped with the tenant's app, good only for minting sdk keys)
 * and the short-lived {@code sdk} key it is exchanged for. The key itself is shown once at
 * creation; only its SHA-256 digest is stored, and authentication looks the digest up with {@code
 * revoked_at IS NULL} so revocation takes effect at once.
 */
@Entity
@Table(name = "backend_key")
public class BackendKey {

  @Id
  @SequenceGenerator(name = "backend_key_seq", sequenceName = "backend_key_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "backend_key_seq")
  private Long id;

  /** The {@code jti} of the key's JWT; its public id for listing and revocation. */
  @Column(name = "key_id", length = 40, nullable = false, unique = true, updatable = false)
  private String keyId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "key_name", length = 100, nullable = false, updatable = false)
  private String keyName;

  @Column(name = "digest", length = 64, nullable = false, unique = true, updatable = false)
  private String digest;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  /** {@link #BACKEND}, {@link #GENERATOR} or {@link #SDK} (Truora's {@code key_type}). */
  @Column(name = "key_type", length = 16, nullable = false, updatable = false)
  private String keyType;

  /** The key id of the backend or generator key that minted this one (null for backend keys). */
  @Column(name = "issued_by", length = 40, updatable = false)
  private String issuedBy;

  /** The JWT's {@code exp}; null for keys stored before it was recorded. */
  @Column(name = "expires_at", updatable = false)
  private OffsetDateTime expiresAt;

  @Version
  @Column(name = "version")
  private Long version;

  public static final String BACKEND = "backend";
  public static final String GENERATOR = "generator";
  public static final String SDK = "sdk";

  protected BackendKey() {}

  /** A backend key. */
  public BackendKey(String keyId, String clientId, String keyName, String digest, OffsetDateTime now) {
    this(keyId, clientId, keyName, digest, now, BACKEND, null, null);
  }

  /**
   * @param keyType {@link #BACKEND}, {@link #GENERATOR} or {@link #SDK}
   * @param issuedBy the minting key's id; null for backend keys
   * @param expiresAt the JWT's {@code exp}
   */
  public BackendKey(
      String keyId, String clientId, String keyName, String digest, OffsetDateTime now,
      String keyType, String issuedBy, OffsetDateTime expiresAt) {
    if (!BACKEND.equals(keyType) && !GENERATOR.equals(keyType) && !SDK.equals(keyType)) {
      throw new IllegalArgumentException("unknown key type " + keyType);
    }
    this.keyId = keyId;
    this.clientId = clientId;
    this.keyName = keyName;
    this.digest = digest;
    this.createdAt = now;
    this.keyType = keyType;
    this.issuedBy = issuedBy;
    this.expiresAt = expiresAt;
  }

  /** Revokes the key; revoking twice keeps the first time. */
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

  public String keyId() {
    return keyId;
  }

  public String clientId() {
    return clientId;
  }

  public String keyName() {
    return keyName;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime revokedAt() {
    return revokedAt;
  }

  public String keyType() {
    return keyType;
  }

  public String issuedBy() {
    return issuedBy;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  /** Past its {@code exp} (never for keys without one). */
  public boolean isExpired(OffsetDateTime now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
