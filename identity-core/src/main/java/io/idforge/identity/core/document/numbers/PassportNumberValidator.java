package io.idforge.identity.core.document.numbers;

import io.idforge.identity.core.document.mrz.MrzCheckDigit;
import java.util.regex.Pattern;

/**
 * Passport numbers as the MRZ carries them: 1 to 9 characters of {@code [A-Z0-9]} (fillers
 * stripped). Built {@link #withCheckDigit with} the check digit printed after the number in the
 * MRZ, it also verifies that digit over the filler-padded 9-character field; a mismatch maps to
 * {@code invalid_mrz}, a malformed number to {@code invalid_document_number}. {@link #formatOnly}
 * checks the shape alone, for a number typed or read without its MRZ.
 */
public final class PassportNumberValidator implements DocumentNumberValidator {

  static final String ALGORITHM = "passport-mrz";

  private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]{1,9}");

  /** The MRZ check digit to verify, or 0 when none is known. */
  private final char checkDigit;

  private PassportNumberValidator(char checkDigit) {
    this.checkDigit = checkDigit;
  }

  /** A validator that checks the number's format only. */
  public static PassportNumberValidator formatOnly() {
    return new PassportNumberValidator((char) 0);
  }

  /** A validator that also verifies {@code checkDigit}, the MRZ digit printed after the number. */
  public static PassportNumberValidator withCheckDigit(char checkDigit) {
    return new PassportNumberValidator(checkDigit);
  }

  @Override
  public NumberCheck validate(String number) {
    String n = NumberText.compact(number).replaceAll("<+$", "");
    if (n.isEmpty()) {
      return NumberCheck.invalid(ALGORITHM, "empty", NumberCheck.INVALID_DOCUMENT_NUMBER);
    }
    if (!NUMBER.matcher(n).matches()) {
      return NumberCheck.invalid(ALGORITHM, "bad_format", NumberCheck.INVALID_DOCUMENT_NUMBER);
    }
    if (checkDigit != 0) {
      String field = n + "<".repeat(9 - n.length());
      if (!MrzCheckDigit.verify(field, checkDigit)) {
        return NumberCheck.invalid(ALGORITHM, "bad_check_digit", NumberCheck.INVALID_MRZ);
      }
    }
    return NumberCheck.valid(ALGORITHM);
  }
}
