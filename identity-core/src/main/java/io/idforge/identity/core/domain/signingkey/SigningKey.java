package io.idforge.identity.core.domain.signingkey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A secret the service generated on first start because none was configured: an HS256 signing
 * key ({@link #JWT}) or a media encryption key ({@link #MEDIA}). Stored so that tokens and media
 * survive a restart and every instance sharing the database agrees on it. Configured keys
 * ({@code identity.jwt.signing-keys}, {@code identity.media.encryption-keys}) take precedence
 * and are never stored.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  public static final String JWT = "jwt";
  public static final String MEDIA = "media";

  @Id
  @Column(name = "kid", length = 64)
  private String kid;

  /** Base64 of the raw secret (at least 256 bits). */
  @Column(name = "secret", length = 200, nullable = false, updatable = false)
  private String secret;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "purpose", length = 10, nullable = false, updatable = false)
  private String purpose;

  protected SigningKey() {}

  public SigningKey(String purpose, String kid, String secret, OffsetDateTime createdAt) {
    this.purpose = purpose;
    this.kid = kid;
    this.secret = secret;
    this.createdAt = createdAt;
  }

  public String kid() {
    return kid;
  }

  public String secret() {
    return secret;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
