package io.idforge.identity.core.document.numbers;

import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of validating one document number. Invariants: a valid result has neither reason nor
 * declined reason; an invalid one has both; a skipped one has a reason only.
 *
 * @param status valid, invalid or skipped (no algorithm applies)
 * @param algorithm which validator answered, e.g. {@code co-cedula}; {@code none} when skipped
 * @param reason machine reason for a failure or a skip, e.g. {@code bad_check_digit}; null when
 *     valid
 * @param declinedReason catalogue code for a failure ({@code invalid_document_number}, {@code
 *     invalid_curp}, {@code invalid_mrz}); null unless invalid
 */
public record NumberCheck(Status status, String algorithm, String reason, String declinedReason) {

  /** Catalogue code for a number failing its format or checksum. */
  public static final String INVALID_DOCUMENT_NUMBER = "invalid_document_number";

  /** Catalogue code for a Mexican CURP failing its format or check digit. */
  public static final String INVALID_CURP = "invalid_curp";

  /** Catalogue code for a machine-readable-zone check digit that does not match. */
  public static final String INVALID_MRZ = "invalid_mrz";

  /** Result of a document-number validation. */
  public enum Status {
    VALID,
    INVALID,
    SKIPPED
  }

  public NumberCheck {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(algorithm, "algorithm");
    boolean consistent =
        switch (status) {
          case VALID -> reason == null && declinedReason == null;
          case INVALID -> reason != null && declinedReason != null;
          case SKIPPED -> reason != null && declinedReason == null;
        };
    if (!consistent) {
      throw new IllegalArgumentException(
          "inconsistent number check: " + status + " " + reason + " " + declinedReason);
    }
  }

  static NumberCheck valid(String algorithm) {
    return new NumberCheck(Status.VALID, algorithm, null, null);
  }

  static NumberCheck invalid(String algorithm, String reason, String declinedReason) {
    return new NumberCheck(Status.INVALID, algorithm, reason, declinedReason);
  }

  static NumberCheck skipped(String reason) {
    return new NumberCheck(Status.SKIPPED, "none", reason, null);
  }

  public boolean isValid() {
    return status == Status.VALID;
  }

  public boolean isInvalid() {
    return status == Status.INVALID;
  }

  public boolean isSkipped() {
    return status == Status.SKIPPED;
  }

  /** The catalogue code to decline with, present only when invalid. */
  public Optional<String> declinedReasonCode() {
    return Optional.ofNullable(declinedReason);
  }
}
