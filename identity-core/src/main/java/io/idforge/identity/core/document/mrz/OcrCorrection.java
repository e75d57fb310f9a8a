package io.idforge.identity.core.document.mrz;

import java.util.Optional;

/**
 * Undoes the OCR letter/digit confusions that ICAO's field definitions make unambiguous: a field
 * defined as numeric (dates, check digits) cannot hold {@code O}, so it was a {@code 0}; a field
 * defined as alphabetic (codes, names) cannot hold {@code 0}, so it was an {@code O}. Alphanumeric
 * fields (document number, optional data) are never corrected, because there both readings are
 * legal and a guess would hide a real mismatch from the check digits.
 */
final class OcrCorrection {

  private OcrCorrection() {}

  /** The field read as digits and fillers, or empty when a character has no numeric reading. */
  static Optional<String> numeric(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      char fixed =
          switch (c) {
            case 'O', 'Q', 'D' -> '0';
            case 'I', 'L' -> '1';
            case 'Z' -> '2';
            case 'S' -> '5';
            case 'G' -> '6';
            case 'B' -> '8';
            default -> c;
          };
      if (!(fixed >= '0' && fixed <= '9') && fixed != '<') {
        return Optional.empty();
      }
      out.append(fixed);
    }
    return Optional.of(out.toString());
  }

  /** The field read as letters and fillers, or empty when a character has no alphabetic reading. */
  static Optional<String> alphabetic(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      char fixed =
          switch (c) {
            case '0' -> 'O';
            case '1' -> 'I';
            case '2' -> 'Z';
            case '5' -> 'S';
            case '6' -> 'G';
            case '8' -> 'B';
            default -> c;
          };
      if (!(fixed >= 'A' && fixed <= 'Z') && fixed != '<') {
        return Optional.empty();
      }
      out.append(fixed);
    }
    return Optional.of(out.toString());
  }
}
