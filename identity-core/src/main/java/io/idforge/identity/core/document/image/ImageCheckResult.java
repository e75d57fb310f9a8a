package io.idforge.identity.core.document.image;

import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of one picture-quality check.
 *
 * @param passed whether the picture passed
 * @param measured the measured value (sharpness score, or the short side in pixels)
 * @param declinedReason catalogue code when failed, null when passed
 * @param message human-readable detail, e.g. {@code "variance of Laplacian 12.4 < 100.0"}
 */
public record ImageCheckResult(
    boolean passed, double measured, String declinedReason, String message) {

  public ImageCheckResult {
    Objects.requireNonNull(message, "message");
    if (passed != (declinedReason == null)) {
      throw new IllegalArgumentException("a failed check needs a reason, a passed one none");
    }
  }

  /** The catalogue code to decline with, present only when failed. */
  public Optional<String> declinedReasonCode() {
    return Optional.ofNullable(declinedReason);
  }
}
