package io.idforge.identity.core.engine;

import io.idforge.identity.api.reasons.Reason;
import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.api.reasons.ReasonKind;
import io.idforge.identity.core.domain.flow.StepType;
import java.util.Optional;
import java.util.Set;

/**
 * Which failures the user may retry and which may go to a human, from the reason catalogue
 * ({@code user_fixable}, {@code manual_review_trigger}) plus the retakes our own checks add.
 */
public final class StepRules {

  /** Reasons a better photo can fix, beyond those the catalogue marks user-fixable. */
  static final Set<String> RETAKEABLE =
      Set.of(
          "document_not_recognized",
          "invalid_or_corrupted_image_file",
          "reverse_document_not_found",
          "file_format_not_supported",
          "no_face_detected");

  /**
   * Reasons about the reference portrait (the document's face): another selfie cannot fix them, so
   * in a face step they are final even where the catalogue calls them user-fixable for documents.
   */
  static final Set<String> PORTRAIT_PROBLEMS = Set.of("face_not_detected", "face_not_clear");

  /**
   * Reasons final by default that a step configured with retries lets the user try again: a face
   * that does not match may be a poor selfie (light, angle), a liveness recording whose actions were
   * not seen may be a person who moved too little (the retry asks for new actions), and the step's
   * {@code allowed_retries} exist for exactly that. With no retries configured (Truora's default for
   * faces) the reason declines at once: a still photo fails {@code liveness_verification_not_passed}.
   */
  static final Set<String> RETRYABLE_WHEN_CONFIGURED =
      Set.of("similarity_threshold_not_passed", "liveness_verification_not_passed");

  /** The decline of a step whose retries are used up (Truora's, for every validator). */
  public static final String MAX_RETRIES_REACHED = "max_retries_reached";

  private StepRules() {}

  /** True when the user can fix {@code reason} with another attempt. */
  public static boolean isUserFixable(String reason, StepType type) {
    if (type == StepType.FACE_RECOGNITION && PORTRAIT_PROBLEMS.contains(reason)) {
      return false;
    }
    return RETAKEABLE.contains(reason) || catalogued(reason, type).map(Reason::isUserFixable).orElse(false);
  }

  /**
   * True when {@code reason} uses one of the step's retries: user-fixable reasons always do,
   * {@link #RETRYABLE_WHEN_CONFIGURED} ones when the step allows retries at all. Then, with none
   * left, the step declines {@code max_retries_reached}, so the remaining_retries the API shows is
   * what the user really has.
   */
  public static boolean usesRetry(String reason, StepType type, int allowedRetries) {
    return isUserFixable(reason, type)
        || (type == StepType.FACE_RECOGNITION && allowedRetries > 0 && RETRYABLE_WHEN_CONFIGURED.contains(reason));
  }

  /** True when the catalogue lets {@code reason} go to manual review instead of declining. */
  public static boolean triggersReview(String reason, StepType type) {
    return catalogued(reason, type).map(Reason::triggersManualReview).orElse(false);
  }

  private static Optional<Reason> catalogued(String reason, StepType type) {
    return ReasonCatalogue.standard().find(ReasonKind.DECLINED, reason, type.wireValue());
  }
}
