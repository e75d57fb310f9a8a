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
 * A tenant's permanent backend API key (the {@code Truora-API-Key} of server-to-server calls). The
 * key itself is shown once at creation; only its SHA-256 digest is stored, and authentication
 * looks the digest up with {@code revoked_at IS NULL} so revocation takes effect at once.
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

  @Version
  @Column(name = "version")
  private Long version;

  protected BackendKey() {}

  public BackendKey(String keyId, String clientId, String keyName, String digest, OffsetDateTime now) {
    this.keyId = keyId;
    this.clientId = clientId;
    this.keyName = keyName;
    this.digest = digest;
    this.createdAt = now;
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
}
