package io.idforge.identity.core.document.numbers;

import java.util.Locale;

/** Normalisation shared by the validators: printed separators removed, upper case. */
final class NumberText {

  private NumberText() {}

  /** {@code value} without spaces, dots, hyphens and commas, upper-cased; "" for null. */
  static String compact(String value) {
    if (value == null) {
      return "";
    }
    return value.replaceAll("[\\s.,\\-]", "").toUpperCase(Locale.ROOT);
  }

  static boolean allDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
