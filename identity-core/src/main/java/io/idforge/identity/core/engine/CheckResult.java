package io.idforge.identity.core.engine;

/**
 * What a step's check found, before any rule is applied: the engine turns it into a retry, a
 * decline, a review or the next step ({@link ProcessEngine#judge}).
 */
public sealed interface CheckResult {

  /** Type-specific {@code details} JSON to store on the validation, or null. */
  String details();

  /** Every check passed. */
  record Passed(String details) implements CheckResult {}

  /**
   * A check failed with a catalogued declined reason.
   *
   * @param hint what the user is told on a retry instead of the bare reason (null: the reason)
   */
  record Failed(String reason, String details, String hint) implements CheckResult {
    public Failed(String reason, String details) {
      this(reason, details, null);
    }
  }

  /**
   * The check cannot decide (its engine is not installed, nothing could be read): a human decides.
   *
   * @param reason why, e.g. {@code face_matching_off}; shown to reviewers
   */
  record Undecided(String reason, String details) implements CheckResult {}

  /** The check broke on our side: {@code system_error}. */
  record Broken(String details) implements CheckResult {}
}
