package io.idforge.identity.api.reasons;

import java.util.Set;

/**
 * One row of the declined/expired reason catalogue ({@code reasons.csv}). Codes are stable wire
 * strings: rows are added, never renamed.
 *
 * @param code the wire value, e.g. {@code blurry_image}
 * @param kind which field carries it
 * @param validator the validator type it belongs to ({@code any} for process-level rows)
 * @param classification Truora's grouping, empty when unknown
 * @param countries ISO codes (or {@code ALL}) where it applies, empty when unknown
 * @param manualReviewTrigger {@code yes}, {@code no} or {@code unknown}
 * @param userFixable {@code yes}, {@code no} or {@code unknown}
 * @param description one-line meaning
 */
public record Reason(
    String code,
    ReasonKind kind,
    String validator,
    String classification,
    Set<String> countries,
    String manualReviewTrigger,
    String userFixable,
    String description) {

  /** True when a reason may be routed to manual review instead of failing at once. */
  public boolean triggersManualReview() {
    return "yes".equals(manualReviewTrigger);
  }

  /** True when the user may fix the input and retry. */
  public boolean isUserFixable() {
    return "yes".equals(userFixable);
  }
}
