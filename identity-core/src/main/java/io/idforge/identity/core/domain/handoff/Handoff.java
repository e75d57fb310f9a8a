package io.idforge.identity.core.domain.handoff;

import jakarta.persistence.Column;
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
 * One "continue on your phone" link: the SHA-256 digest of a random token (the token itself is
 * only in the QR code shown on the desktop), the process it resumes and the web token whose
 * session the phone takes over. It works once and for {@link #TTL}; an open of a used or expired
 * link is refused with the reason, so the phone can say which.
 */
@Entity
@Table(name = "process_handoff")
public class Handoff {

  /** How long a hand-off link works: long enough to find the phone, short enough to be harmless. */
  public static final Duration TTL = Duration.ofMinutes(10);

  /** Why a link cannot be used (or that it can). */
  public enum Use {
    OK,
    USED,
    EXPIRED
  }

  @Id
  @SequenceGenerator(name = "process_handoff_seq", sequenceName = "process_handoff_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "process_handoff_seq")
  private Long id;

  @Column(name = "token_digest", length = 64, nullable = false, unique = true, updatable = false)
  private String tokenDigest;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "process_id", length = 40, nullable = false, updatable = false)
  private String processId;

  @Column(name = "jti", length = 36, nullable = false, updatable = false)
  private String jti;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  @Version
  @Column(name = "version", nullable = false)
  private Long version;

  protected Handoff() {}

  public Handoff(String tokenDigest, String clientId, String processId, String jti, OffsetDateTime now) {
    this.tokenDigest = tokenDigest;
    this.clientId = clientId;
    this.processId = processId;
    this.jti = jti;
    this.createdAt = now;
    this.expiresAt = now.plus(TTL);
  }

  /** Uses the link: {@link Use#OK} the first time within its lifetime, else why not. */
  public Use use(OffsetDateTime now) {
    if (usedAt != null) {
      return Use.USED;
    }
    if (!now.isBefore(expiresAt)) {
      return Use.EXPIRED;
    }
    usedAt = now;
    return Use.OK;
  }

  public boolean isUsed() {
    return usedAt != null;
  }

  public boolean isExpired(OffsetDateTime now) {
    return !now.isBefore(expiresAt);
  }

  public String clientId() {
    return clientId;
  }

  public String processId() {
    return processId;
  }

  public String jti() {
    return jti;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public OffsetDateTime usedAt() {
    return usedAt;
  }
}
