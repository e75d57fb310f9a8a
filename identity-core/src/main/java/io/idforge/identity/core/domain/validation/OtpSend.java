package io.idforge.identity.core.domain.validation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One one-time code sent: what the send limits count. The destination is kept only as a keyed hash
 * ({@code destination_tag}), so the table shows how often a number was used, never which.
 */
@Entity
@Table(name = "otp_send")
public class OtpSend {

  @Id
  @SequenceGenerator(name = "otp_send_seq", sequenceName = "otp_send_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "otp_send_seq")
  private Long id;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "process_id", length = 40, updatable = false)
  private String processId;

  @Column(name = "validation_id", length = 40, nullable = false, updatable = false)
  private String validationId;

  @Column(name = "destination_tag", length = 64, nullable = false, updatable = false)
  private String destinationTag;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private OffsetDateTime sentAt;

  protected OtpSend() {}

  public OtpSend(Validation v, String destinationTag, OffsetDateTime sentAt) {
    this.clientId = v.clientId();
    this.processId = v.processId();
    this.validationId = v.validationId();
    this.destinationTag = destinationTag;
    this.sentAt = sentAt;
  }
}
