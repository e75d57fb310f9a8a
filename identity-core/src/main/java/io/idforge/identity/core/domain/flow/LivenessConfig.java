package io.idforge.identity.core.domain.flow;

/**
 * Active liveness of a face step (step config {@code liveness_type} and {@code liveness_fallback}).
 *
 * @param active true when the selfie is a recorded burst in which the user performs server-chosen
 *     actions ({@code liveness_type: active}); false for a single selfie ({@code none}, the default)
 * @param fallback what a single selfie on an active step gets when the browser cannot record
 *     (no camera, no script, the file input): {@code manual_review} (the default: a reviewer
 *     decides) or {@code decline} ({@code liveness_verification_not_passed}). Never a pass.
 */
public record LivenessConfig(boolean active, String fallback) {

  public static final String FALLBACK_REVIEW = "manual_review";
  public static final String FALLBACK_DECLINE = "decline";

  /** No liveness: one selfie. */
  public static final LivenessConfig OFF = new LivenessConfig(false, FALLBACK_REVIEW);

  public LivenessConfig {
    fallback = fallback == null ? FALLBACK_REVIEW : fallback;
    if (!FALLBACK_REVIEW.equals(fallback) && !FALLBACK_DECLINE.equals(fallback)) {
      throw new IllegalArgumentException("liveness_fallback must be manual_review or decline");
    }
  }

  /** The wire value of {@code liveness_type}. */
  public String type() {
    return active ? "active" : "none";
  }
}
