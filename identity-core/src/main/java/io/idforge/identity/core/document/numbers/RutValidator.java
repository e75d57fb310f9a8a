package io.idforge.identity.core.document.numbers;

/**
 * Chilean RUT/RUN: a body of 1 to 8 digits and a verifier that is a digit or {@code K}, accepted as
 * {@code 11.111.111-1}, {@code 11111111-1} or {@code 111111111}. The verifier is the modulo-11
 * digit with weights 2, 3, 4, 5, 6, 7 repeating from the right: 11 − (sum mod 11), where 11 is
 * written 0 and 10 is written K.
 */
public final class RutValidator implements DocumentNumberValidator {

  static final String ALGORITHM = "cl-rut";

  @Override
  public NumberCheck validate(String number) {
    String rut = NumberText.compact(number);
    if (rut.isEmpty()) {
      return invalid("empty");
    }
    if (rut.length() < 2) {
      return invalid("bad_length");
    }
    String body = rut.substring(0, rut.length() - 1);
    char verifier = rut.charAt(rut.length() - 1);
    if (!NumberText.allDigits(body) || !(Character.isDigit(verifier) || verifier == 'K')) {
      return invalid("bad_format");
    }
    if (body.length() > 8) {
      return invalid("bad_length");
    }
    if (body.charAt(0) == '0') {
      return invalid("leading_zero");
    }
    if (verifier != verifier(body)) {
      return invalid("bad_check_digit");
    }
    return NumberCheck.valid(ALGORITHM);
  }

  /** The verifier ({@code 0}-{@code 9} or {@code K}) of a RUT body. */
  public static char verifier(String body) {
    int sum = 0;
    int weight = 2;
    for (int i = body.length() - 1; i >= 0; i--) {
      sum += (body.charAt(i) - '0') * weight;
      weight = weight == 7 ? 2 : weight + 1;
    }
    int v = 11 - sum % 11;
    return v == 11 ? '0' : v == 10 ? 'K' : (char) ('0' + v);
  }

  private static NumberCheck invalid(String reason) {
    return NumberCheck.invalid(ALGORITHM, reason, NumberCheck.INVALID_DOCUMENT_NUMBER);
  }
}
