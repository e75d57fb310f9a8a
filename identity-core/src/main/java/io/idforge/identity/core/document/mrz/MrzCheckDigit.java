package io.idforge.identity.core.document.mrz;

/**
 * The ICAO 9303 Part 3 check digit: each character is valued ({@code 0}-{@code 9} as themselves,
 * {@code A}-{@code Z} as 10-35, the filler {@code <} as 0), weighted 7, 3, 1 repeating, and the sum
 * is taken modulo 10.
 */
public final class MrzCheckDigit {

  private static final int[] WEIGHTS = {7, 3, 1};

  private MrzCheckDigit() {}

  /**
   * The check digit of {@code field}.
   *
   * @throws IllegalArgumentException when the field holds a character outside {@code [0-9A-Z<]}
   */
  public static int compute(CharSequence field) {
    int sum = 0;
    for (int i = 0; i < field.length(); i++) {
      sum += value(field.charAt(i)) * WEIGHTS[i % 3];
    }
    return sum % 10;
  }

  /**
   * True when {@code check} is the check digit of {@code field}. A filler {@code <} in the check
   * position counts as 0: ICAO allows it for an all-filler optional-data field, where 0 is also the
   * computed value.
   */
  public static boolean verify(CharSequence field, char check) {
    if (!isMrzText(field)) {
      return false;
    }
    int expected = compute(field);
    if (check == '<') {
      return expected == 0;
    }
    return check >= '0' && check <= '9' && check - '0' == expected;
  }

  static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c == '<') {
      return 0;
    }
    throw new IllegalArgumentException("not an MRZ character: '" + c + "'");
  }

  private static boolean isMrzText(CharSequence field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') && c != '<') {
        return false;
      }
    }
    return true;
  }
}
