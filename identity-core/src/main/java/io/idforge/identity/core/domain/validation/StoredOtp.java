package io.idforge.identity.core.domain.validation;

import io.idforge.identity.core.otp.OtpChallenge;
import io.idforge.identity.core.otp.OtpChannel;
import io.idforge.identity.core.privacy.SealedColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one-time-code challenge of a phone or e-mail validation as stored: the keyed hash of the
 * code, never the code. Rebuilt into an {@link OtpChallenge} to check an attempt.
 */
@Embeddable
public class StoredOtp {

  @Column(name = "otp_channel", length = 10)
  private String channel;

  @Convert(converter = SealedColumns.OtpDestination.class)

  @Column(name = "otp_destination", length = 2048)
  private String destination;

  @Column(name = "otp_key_id", length = 64)
  private String keyId;

  @Column(name = "otp_salt", length = 64)
  private String salt;

  @Column(name = "otp_code_hash", length = 128)
  private String codeHash;

  @Column(name = "otp_issued_at")
  private OffsetDateTime issuedAt;

  @Column(name = "otp_expires_at")
  private OffsetDateTime expiresAt;

  @Column(name = "otp_send_count")
  private Integer sendCount;

  @Column(name = "otp_exhausted")
  private Boolean exhausted;

  @Column(name = "otp_verified_at")
  private OffsetDateTime verifiedAt;

  protected StoredOtp() {}

  static StoredOtp of(OtpChallenge c) {
    StoredOtp s = new StoredOtp();
    s.channel = c.channel().name();
    s.destination = c.destination();
    s.keyId = c.keyId();
    s.salt = c.salt();
    s.codeHash = c.codeHash();
    s.issuedAt = c.issuedAt().atOffset(ZoneOffset.UTC);
    s.expiresAt = c.expiresAt().atOffset(ZoneOffset.UTC);
    s.sendCount = c.sendCount();
    s.exhausted = c.isExhausted();
    s.verifiedAt = c.verifiedAt() == null ? null : c.verifiedAt().atOffset(ZoneOffset.UTC);
    return s;
  }

  boolean isPresent() {
    return codeHash != null;
  }

  OtpChallenge toChallenge(int allowedRetries, int remainingRetries) {
    return OtpChallenge.restore(
        OtpChannel.valueOf(channel), destination, keyId, salt, codeHash, issuedAt.toInstant(),
        expiresAt.toInstant(), allowedRetries, remainingRetries, sendCount, Boolean.TRUE.equals(exhausted),
        verifiedAt == null ? null : verifiedAt.toInstant());
  }

  String destination() {
    return destination;
  }
}
