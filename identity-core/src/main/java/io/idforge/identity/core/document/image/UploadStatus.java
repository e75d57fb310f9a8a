package io.idforge.identity.core.document.image;

import java.util.Optional;

/**
 * Verdict of {@link UploadCheck} on an uploaded file, with the declined-reason code it maps to.
 * {@code TOO_LARGE} has no code: the catalogue has no size reason for documents ({@code
 * video_too_large} belongs to face recognition), so an oversized upload should be refused at the
 * upload boundary and the user asked to retry, not declined.
 */
public enum UploadStatus {
  OK(null),
  /** Zero bytes: {@code empty_input_file}. */
  EMPTY("empty_input_file"),
  /** Over the configured size limit; no catalogue code. */
  TOO_LARGE(null),
  /** Not JPEG, PNG or WEBP by magic bytes: {@code invalid_image_format}. */
  NOT_AN_IMAGE("invalid_image_format");

  private final String declinedReason;

  UploadStatus(String declinedReason) {
    this.declinedReason = declinedReason;
  }

  /** The catalogue code to decline with, when this status has one. */
  public Optional<String> declinedReason() {
    return Optional.ofNullable(declinedReason);
  }
}
