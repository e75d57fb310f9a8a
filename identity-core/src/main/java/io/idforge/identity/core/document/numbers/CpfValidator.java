package io.idforge.identity.core.document.numbers;

/**
 * Brazilian CPF: 11 digits ({@code 529.982.247-25} or {@code 52998224725}) whose last two are
 * modulo-11 check digits: over the first 9 digits with weights 10 down to 2, then over the first 10
 * with weights 11 down to 2; a remainder below 2 gives 0, otherwise 11 − remainder. Numbers of one
 * repeated digit pass that arithmetic but are not issued, so they are rejected.
 */
public final class CpfValidator implements DocumentNumberValidator {

  static final String ALGORITHM = "br-cpf";

  @Override
  public NumberCheck validate(String number) {
    String cpf = NumberText.compact(number);
    if (cpf.isEmpty()) {
      return invalid("empty");
    }
    if (!NumberText.allDigits(cpf)) {
      return invalid("not_digits");
    }
    if (cpf.length() != 11) {
      return invalid("bad_length");
    }
    if (cpf.chars().distinct().count() == 1) {
      return invalid("repeated_digits");
    }
    if (!cpf.substring(9).equals(checkDigits(cpf.substring(0, 9)))) {
      return invalid("bad_check_digit");
    }
    return NumberCheck.valid(ALGORITHM);
  }

  /** The two check digits of a 9-digit CPF base. */
  public static String checkDigits(String nineDigits) {
    int first = digit(nineDigits);
    int second = digit(nineDigits + first);
    return "" + first + second;
  }

  private static int digit(String digits) {
    int sum = 0;
    int weight = digits.length() + 1;
    for (int i = 0; i < digits.length(); i++) {
      sum += (digits.charAt(i) - '0') * weight--;
    }
    int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  }

  private static NumberCheck invalid(String reason) {
    return NumberCheck.invalid(ALGORITHM, reason, NumberCheck.INVALID_DOCUMENT_NUMBER);
  }
}
