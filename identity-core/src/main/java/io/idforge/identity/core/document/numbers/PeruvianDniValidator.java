package io.idforge.identity.core.document.numbers;

/**
 * Peruvian DNI/CUI: 8 digits, optionally followed by the check character printed on the card
 * ({@code 10117410-2}). The check is the published RENIEC algorithm (as implemented by
 * python-stdnum {@code stdnum.pe.cui}): weights 3, 2, 7, 6, 5, 4, 3, 2, c = sum mod 11, and the
 * character is either the digit {@code "65432110987"[c]} or the letter {@code "KJIHGFEDCBA"[c]}.
 * Without a ninth character only the 8 digits are checked.
 */
public final class PeruvianDniValidator implements DocumentNumberValidator {

  static final String ALGORITHM = "pe-dni";

  private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};
  private static final String DIGITS = "65432110987";
  private static final String LETTERS = "KJIHGFEDCBA";

  @Override
  public NumberCheck validate(String number) {
    String dni = NumberText.compact(number);
    if (dni.isEmpty()) {
      return invalid("empty");
    }
    if (dni.length() != 8 && dni.length() != 9) {
      return invalid("bad_length");
    }
    if (!NumberText.allDigits(dni.substring(0, 8))) {
      return invalid("not_digits");
    }
    if (dni.length() == 9) {
      char check = dni.charAt(8);
      int c = remainder(dni.substring(0, 8));
      if (check != DIGITS.charAt(c) && check != LETTERS.charAt(c)) {
        return invalid("bad_check_digit");
      }
    }
    return NumberCheck.valid(ALGORITHM);
  }

  /** The check digit (numeric form) of an 8-digit DNI. */
  public static char checkDigit(String eightDigits) {
    return DIGITS.charAt(remainder(eightDigits));
  }

  /** The check letter (alphabetic form) of an 8-digit DNI. */
  public static char checkLetter(String eightDigits) {
    return LETTERS.charAt(remainder(eightDigits));
  }

  private static int remainder(String eightDigits) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (eightDigits.charAt(i) - '0') * WEIGHTS[i];
    }
    return sum % 11;
  }

  private static NumberCheck invalid(String reason) {
    return NumberCheck.invalid(ALGORITHM, reason, NumberCheck.INVALID_DOCUMENT_NUMBER);
  }
}
