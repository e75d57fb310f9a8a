package io.idforge.identity.core.domain.flow;

import java.util.List;

/**
 * The settings of one flow step. Unset values take Truora's defaults (the API applies them per
 * step type: retries 0 for documents and faces, 2 for codes), face threshold 0.65, manual review
 * {@code default} (off: there is no tenant-wide review switch), a 300 s check timeout.
 *
 * @param allowedRetries attempts the user may repeat after a user-fixable failure (0..4)
 * @param faceThreshold minimum similarity for a face match, 0..1
 * @param allowedDocuments countries and document types a document step accepts; empty = any
 * @param manualReview {@code default}, {@code enabled} or {@code disabled}
 * @param minimumAge the holder must be at least this old; null = no rule
 * @param timeoutSeconds how long a check of this step may run before the grace rule applies
 *     (Truora's validation {@code timeout}, default {@value #DEFAULT_TIMEOUT_SECONDS})
 * @param reviewTimeoutSeconds how long a manual review of this step may wait for a decision before
 *     it expires {@code manual_review_expired} (default {@value #DEFAULT_REVIEW_TIMEOUT_SECONDS})
 * @param liveness active liveness of a face step (off by default)
 */
public record StepConfig(
    int allowedRetries,
    double faceThreshold,
    List<AllowedDocuments> allowedDocuments,
    String manualReview,
    Integer minimumAge,
    int timeoutSeconds,
    int reviewTimeoutSeconds,
    LivenessConfig liveness) {

  /** Truora's default validation timeout. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 300;

  /** Truora's longest validation timeout (document and face), our default review deadline. */
  public static final int DEFAULT_REVIEW_TIMEOUT_SECONDS = 21_600;

  /** A step without liveness. */
  public StepConfig(
      int allowedRetries, double faceThreshold, List<AllowedDocuments> allowedDocuments, String manualReview,
      Integer minimumAge, int timeoutSeconds, int reviewTimeoutSeconds) {
    this(allowedRetries, faceThreshold, allowedDocuments, manualReview, minimumAge, timeoutSeconds,
        reviewTimeoutSeconds, LivenessConfig.OFF);
  }

  /** A step with the default timeouts. */
  public StepConfig(
      int allowedRetries, double faceThreshold, List<AllowedDocuments> allowedDocuments, String manualReview, Integer minimumAge) {
    this(allowedRetries, faceThreshold, allowedDocuments, manualReview, minimumAge, DEFAULT_TIMEOUT_SECONDS,
        DEFAULT_REVIEW_TIMEOUT_SECONDS);
  }

  public static final int DEFAULT_RETRIES = 2;
  public static final int MAX_RETRIES = 4;
  public static final double DEFAULT_FACE_THRESHOLD = 0.65;

  public StepConfig {
    if (allowedRetries < 0 || allowedRetries > MAX_RETRIES) {
      throw new IllegalArgumentException("allowed_retries must be between 0 and " + MAX_RETRIES);
    }
    if (faceThreshold < 0 || faceThreshold > 1) {
      throw new IllegalArgumentException("face_threshold must be between 0 and 1");
    }
    allowedDocuments = allowedDocuments == null ? List.of() : List.copyOf(allowedDocuments);
    manualReview = manualReview == null ? "default" : manualReview;
    liveness = liveness == null ? LivenessConfig.OFF : liveness;
    if (timeoutSeconds <= 0 || reviewTimeoutSeconds <= 0) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  public static StepConfig defaults() {
    return new StepConfig(DEFAULT_RETRIES, DEFAULT_FACE_THRESHOLD, List.of(), "default", null);
  }

  /**
   * Whether a document step accepts this country and document type; an empty list accepts any.
   * An entry for {@code ALL} applies to every country.
   */
  public boolean allows(String country, String documentType) {
    if (allowedDocuments.isEmpty()) {
      return true;
    }
    return allowedDocuments.stream()
        .anyMatch(
            a -> (a.country().equals(country) || "ALL".equals(a.country()))
                && (a.documentTypes().isEmpty() || a.documentTypes().contains(documentType)));
  }

  public boolean manualReviewEnabled() {
    return "enabled".equals(manualReview);
  }
}
