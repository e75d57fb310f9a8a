package io.idforge.identity.core.application.steps;

import io.idforge.identity.core.document.image.UploadCheck;
import io.idforge.identity.core.document.image.UploadStatus;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import java.util.Optional;

/** The first look at an uploaded picture, shared by every channel, before anything is stored. */
public final class UploadLimits {

  /** Largest accepted upload, as Truora's image limit. */
  public static final long MAX_UPLOAD_BYTES = 30L * 1024 * 1024;

  private UploadLimits() {}

  /**
   * @return the user-fixable reason an upload is refused for (empty, not an image), or empty when it
   *     may be stored and checked
   * @throws InvalidRequestException when it is larger than {@value #MAX_UPLOAD_BYTES} bytes (a
   *     client mistake that costs no attempt)
   */
  public static Optional<String> refusal(byte[] upload) {
    UploadStatus status = UploadCheck.check(upload, MAX_UPLOAD_BYTES);
    if (status == UploadStatus.TOO_LARGE) {
      throw new InvalidRequestException("Invalid request: images must be at most 30 MB");
    }
    return status == UploadStatus.OK ? Optional.empty() : Optional.of(status.declinedReason().orElseThrow());
  }
}
