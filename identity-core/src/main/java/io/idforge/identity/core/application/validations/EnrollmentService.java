package io.idforge.identity.core.application.validations;

import io.idforge.identity.core.application.AccountService;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.MediaService;
import io.idforge.identity.core.application.steps.UploadLimits;
import io.idforge.identity.core.document.image.ImageFormat;
import io.idforge.identity.core.domain.account.Account;
import io.idforge.identity.core.domain.account.AccountRepository;
import io.idforge.identity.core.domain.enrollment.Enrollment;
import io.idforge.identity.core.domain.enrollment.EnrollmentRepository;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.media.MediaKind;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.security.SigningKeys;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/enrollments} and the reference photo's upload: a face enrollment gives the
 * account the picture its later standalone selfies are compared with; a phone or e-mail
 * enrollment stores where the account's codes go. Backend keys only: enrollments are the tenant's
 * business, not an end user's.
 */
@Stateless
public class EnrollmentService {

  /** Largest reference photo, as Truora's face-enrollment links ({@code max-size} 5 MiB). */
  public static final long MAX_REFERENCE_BYTES = 5L * 1024 * 1024;

  /** How long a face enrollment's upload link lives (Truora's default validation timeout). */
  static final int UPLOAD_SECONDS = 300;

  @Inject EnrollmentRepository enrollments;

  @Inject AccountRepository accounts;

  @Inject AccountService accountService;

  @Inject MediaService media;

  @Inject SigningKeys keys;

  @Inject Clock clock;

  /** An enrollment and, for a face enrollment waiting for its photo, the photo's upload link. */
  public record Enrolled(Enrollment enrollment, Optional<UploadTicket> upload) {}

  /**
   * @param destination the phone (E.164) or e-mail of a phone or e-mail enrollment; null for faces
   */
  public Enrolled enroll(Caller caller, StepType type, String accountId, String destination) {
    // An sdk key enrols too: Truora's SDK sends the reference face before a face validation.
    caller.requireBackendOrSdk();
    Account account = accountService.ensure(caller.clientId(), accountId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    switch (type) {
      case FACE_RECOGNITION -> {
        OffsetDateTime expires = now.plusSeconds(UPLOAD_SECONDS);
        Enrollment e = Enrollment.face(caller.clientId(), account.accountId(), expires, now);
        enrollments.store(e);
        long at = expires.toEpochSecond();
        String signature =
            UploadLinkSignature.sign(
                keys.ring().activeSecret(), e.clientId(), e.enrollmentId(), 0, UploadSide.REFERENCE, MAX_REFERENCE_BYTES, at);
        return new Enrolled(e, Optional.of(new UploadTicket(e.enrollmentId(), 0, UploadSide.REFERENCE, MAX_REFERENCE_BYTES, at, signature)));
      }
      case EMAIL_VERIFICATION, PHONE_VERIFICATION -> {
        if (destination == null) {
          String field = type == StepType.EMAIL_VERIFICATION ? "email" : "phone_number";
          throw new InvalidRequestException("Invalid request: " + field + " is required for " + type.wireValue());
        }
        account.enrol(type == StepType.EMAIL_VERIFICATION ? destination : null,
            type == StepType.PHONE_VERIFICATION ? destination : null);
        Enrollment e = Enrollment.destination(caller.clientId(), account.accountId(), type, now);
        enrollments.store(e);
        return new Enrolled(e, Optional.empty());
      }
      default -> throw new InvalidRequestException("Invalid request: type must be face-recognition, email-verification or phone-verification");
    }
  }

  /** The reference photo, PUT to its signed link: usable makes the enrollment a success. */
  public Enrollment upload(String enrollmentId, int attempt, long maxBytes, long expires, String signature, byte[] photo) {
    Enrollment e =
        enrollments.findById(enrollmentId).orElseThrow(() -> new ForbiddenException("Forbidden: the upload link is invalid or has expired"));
    if (!UploadLinkSignature.verify(
        keys.ring().activeSecret(), e.clientId(), enrollmentId, attempt, UploadSide.REFERENCE, maxBytes, expires, signature,
        clock.instant())) {
      throw new ForbiddenException("Forbidden: the upload link is invalid or has expired");
    }
    if (photo.length > maxBytes) {
      throw new InvalidRequestException("Invalid request: the file is larger than the link's max-size of " + maxBytes + " bytes");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!e.isWaitingForPhoto()) {
      throw new ConflictException("This upload link has already been used");
    }
    Optional<String> refused = UploadLimits.refusal(photo);
    if (refused.isPresent()) {
      e.photoRefused(refused.get(), now);
      return e;
    }
    String mime = ImageFormat.sniff(photo).map(ImageFormat::mimeType).orElse("application/octet-stream");
    e.photoReceived(media.store(e.clientId(), null, MediaKind.FACE_REFERENCE, mime, photo), now);
    return e;
  }

  public Enrollment get(Caller caller, String enrollmentId) {
    caller.requireBackendOrSdk();
    return enrollments.find(caller.clientId(), enrollmentId).orElseThrow(() -> new NotFoundException("Enrollment not found"));
  }

  /** {@code GET /v1/accounts/{id}/enrollments}: newest first. */
  public List<Enrollment> listByAccount(Caller caller, String accountId) {
    caller.requireBackend();
    accounts.find(caller.clientId(), accountId).orElseThrow(() -> new NotFoundException("Validation account not found"));
    return enrollments.listByAccount(caller.clientId(), accountId, 100);
  }
}
