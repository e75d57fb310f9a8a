package io.idforge.identity.core.document;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of {@code document_validations.data_consistency}: Truora's {@code validation_name},
 * {@code validation_type}, {@code result} and {@code message}, plus the declined-reason code an
 * invalid item implies. Invariant: an invalid item has a reason code, a valid or skipped one has
 * none.
 *
 * @param validationName stable item name, e.g. {@code date-of-birth}
 * @param validationType Truora's type, e.g. {@code date-of-birth-validation}
 * @param result valid, invalid or skipped
 * @param message human-readable detail
 * @param reasonCode catalogue code when invalid, else null
 */
public record CheckItem(
    String validationName,
    String validationType,
    CheckResult result,
    String message,
    String reasonCode) {

  public CheckItem {
    Objects.requireNonNull(validationName, "validationName");
    Objects.requireNonNull(validationType, "validationType");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(message, "message");
    if ((result == CheckResult.INVALID) != (reasonCode != null)) {
      throw new IllegalArgumentException(
          "only an invalid item carries a reason code: " + result + " " + reasonCode);
    }
  }

  public static CheckItem valid(String name, String type, String message) {
    return new CheckItem(name, type, CheckResult.VALID, message, null);
  }

  public static CheckItem invalid(String name, String type, String message, String reasonCode) {
    return new CheckItem(name, type, CheckResult.INVALID, message, reasonCode);
  }

  public static CheckItem skipped(String name, String type, String message) {
    return new CheckItem(name, type, CheckResult.SKIPPED, message, null);
  }

  public boolean isInvalid() {
    return result == CheckResult.INVALID;
  }

  /** The catalogue code to decline with, present only when invalid. */
  public Optional<String> declinedReason() {
    return Optional.ofNullable(reasonCode);
  }
}
