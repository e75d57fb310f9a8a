package io.idforge.identity.core.document.numbers;

/**
 * Colombian <i>cédula de ciudadanía</i> numbers (NUIP): 3 to 10 digits without a leading zero. The
 * number has no check digit, so only its shape can be verified; the dots printed as thousands
 * separators ({@code 1.020.304.050}) are ignored.
 */
public final class ColombianCedulaValidator implements DocumentNumberValidator {

  static final String ALGORITHM = "co-cedula";

  @Override
  public NumberCheck validate(String number) {
    String n = NumberText.compact(number);
    if (n.isEmpty()) {
      return invalid("empty");
    }
    if (!NumberText.allDigits(n)) {
      return invalid("not_digits");
    }
    if (n.length() < 3 || n.length() > 10) {
      return invalid("bad_length");
    }
    if (n.charAt(0) == '0') {
      return invalid("leading_zero");
    }
    return NumberCheck.valid(ALGORITHM);
  }

  private static NumberCheck invalid(String reason) {
    return NumberCheck.invalid(ALGORITHM, reason, NumberCheck.INVALID_DOCUMENT_NUMBER);
  }
}
