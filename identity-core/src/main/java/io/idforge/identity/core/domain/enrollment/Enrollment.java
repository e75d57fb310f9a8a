package io.idforge.identity.core.domain.enrollment;

import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One enrollment ({@code ENR…}): a face enrollment waits for its reference photo ({@code pending},
 * reason {@code waiting_file_upload}) and succeeds once a usable one arrives; a phone or e-mail
 * enrollment succeeds at once, its destination stored on the account.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment {

  /** Reason of a face enrollment still waiting for its photo (Truora's). */
  public static final String WAITING_FILE_UPLOAD = "waiting_file_upload";

  @Id
  @SequenceGenerator(name = "enrollment_seq", sequenceName = "enrollment_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_seq")
  private Long id;

  @Column(name = "enrollment_id", length = 40, nullable = false, unique = true, updatable = false)
  private String enrollmentId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "account_id", length = 100, nullable = false, updatable = false)
  private String accountId;

  @Column(name = "type", length = 30, nullable = false, updatable = false)
  private String type;

  @Column(name = "status", length = 10, nullable = false)
  private String status;

  @Column(name = "reason", length = 60)
  private String reason;

  @Column(name = "media_id", length = 40)
  private String mediaId;

  @Column(name = "upload_expires_at")
  private OffsetDateTime uploadExpiresAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Enrollment() {}

  private Enrollment(String clientId, String accountId, StepType type, OffsetDateTime now) {
    this.enrollmentId = PublicIds.next(PublicIds.ENROLLMENT);
    this.clientId = clientId;
    this.accountId = accountId;
    this.type = type.wireValue();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A face enrollment waiting for its reference photo until {@code uploadExpiresAt}. */
  public static Enrollment face(String clientId, String accountId, OffsetDateTime uploadExpiresAt, OffsetDateTime now) {
    Enrollment e = new Enrollment(clientId, accountId, StepType.FACE_RECOGNITION, now);
    e.status = "pending";
    e.reason = WAITING_FILE_UPLOAD;
    e.uploadExpiresAt = uploadExpiresAt;
    return e;
  }

  /** A phone or e-mail enrollment: the destination is on the account, so it is done. */
  public static Enrollment destination(String clientId, String accountId, StepType type, OffsetDateTime now) {
    Enrollment e = new Enrollment(clientId, accountId, type, now);
    e.status = "success";
    return e;
  }

  /** The reference photo arrived and is usable. */
  public void photoReceived(String storedMediaId, OffsetDateTime now) {
    requireWaiting();
    mediaId = storedMediaId;
    status = "success";
    reason = null;
    updatedAt = now;
  }

  /** The reference photo arrived and cannot be used ({@code reason} from the upload check). */
  public void photoRefused(String refusal, OffsetDateTime now) {
    requireWaiting();
    status = "failure";
    reason = refusal;
    updatedAt = now;
  }

  private void requireWaiting() {
    if (!isWaitingForPhoto()) {
      throw new ConflictException("This upload link has already been used");
    }
  }

  public boolean isWaitingForPhoto() {
    return "pending".equals(status) && WAITING_FILE_UPLOAD.equals(reason);
  }

  /** True for a face enrollment whose photo can serve as the account's reference. */
  public boolean isFaceReference() {
    return StepType.FACE_RECOGNITION.wireValue().equals(type) && "success".equals(status) && mediaId != null;
  }

  public Long id() {
    return id;
  }

  public String enrollmentId() {
    return enrollmentId;
  }

  public String clientId() {
    return clientId;
  }

  public String accountId() {
    return accountId;
  }

  public StepType type() {
    return StepType.fromWire(type).orElseThrow();
  }

  public String status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String mediaId() {
    return mediaId;
  }

  public OffsetDateTime uploadExpiresAt() {
    return uploadExpiresAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
