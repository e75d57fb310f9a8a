package io.idforge.identity.api.reasons;

/** Column {@code kind} of the catalogue: which field of a process or validation holds the code. */
public enum ReasonKind {
  /** A value of {@code failure_status}. */
  FAILURE_STATUS,
  /** A value of {@code declined_reason}. */
  DECLINED,
  /** A value of {@code declined_reason} meaning the user withdrew. */
  CANCELED,
  /** A value of {@code expired_reason}. */
  EXPIRED;

  static ReasonKind fromCsv(String value) {
    return switch (value) {
      case "failure_status" -> FAILURE_STATUS;
      case "declined" -> DECLINED;
      case "canceled" -> CANCELED;
      case "expired" -> EXPIRED;
      default -> throw new IllegalArgumentException("unknown reason kind " + value);
    };
  }
}
