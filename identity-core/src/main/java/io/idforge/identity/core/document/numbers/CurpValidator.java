package io.idforge.identity.core.document.numbers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mexican CURP (<i>Clave Única de Registro de Población</i>), 18 characters, checked against
 * RENAPO's published pattern and check-digit algorithm:
 *
 * <ul>
 *   <li>pattern: initial + inner vowel ({@code X} when none) + two initials, birth date YYMMDD, sex
 *       {@code H}/{@code M}, one of the 32 state codes or {@code NE} (born abroad), three inner
 *       consonants, a differentiator (digit for births before 2000, letter from 2000) and the check
 *       digit;
 *   <li>the birth date must exist in the century the differentiator implies;
 *   <li>the first four letters never form one of RENAPO's replaced words (RENAPO swaps their second
 *       letter for {@code X});
 *   <li>check digit: characters valued by their index in {@code 0-9 A-N Ñ O-Z} (0-36), weighted 18
 *       down to 2 over the first 17, digit = (10 − sum mod 10) mod 10.
 * </ul>
 *
 * Failures map to the catalogue code {@code invalid_curp}.
 */
public final class CurpValidator implements DocumentNumberValidator {

  static final String ALGORITHM = "mx-curp";

  private static final Pattern CURP =
      Pattern.compile(
          "[A-Z][AEIOUX][A-Z]{2}\\d{6}[HM]"
              + "(AS|B[CS]|C[CLMSH]|D[FG]|G[TR]|HG|JC|M[CNS]|N[ETL]|OC|PL|Q[TR]|S[PLR]|T[CSL]|VZ|YN|ZS)"
              + "[B-DF-HJ-NP-TV-Z]{3}[A-Z0-9]\\d");

  /** Index = value; Ñ never occurs in a CURP (it is written X) but keeps its slot. */
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";

  /** RENAPO's inconvenient words (instructivo normativo, anexo 2). */
  private static final Set<String> REPLACED_WORDS =
      Set.of(
          "BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE",
          "COGI", "COJA", "COJE", "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI",
          "GUEY", "JETA", "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KAKO", "KOGE", "KOGI",
          "KOJA", "KOJE", "KOJI", "KOJO", "KOLA", "KULO", "LILO", "LOCA", "LOCO", "LOKA", "LOKO",
          "MAME", "MAMO", "MEAR", "MEAS", "MEON", "MIAR", "MION", "MOCO", "MOKO", "MULA", "MULO",
          "NACA", "NACO", "PEDA", "PEDO", "PENE", "PIPI", "PITO", "POPO", "PUTA", "PUTO", "QULO",
          "RATA", "ROBA", "ROBE", "ROBO", "RUIN", "SENO", "TETA", "VACA", "VAGA", "VAGO", "VAKA",
          "VUEI", "VUEY", "WUEI", "WUEY");

  @Override
  public NumberCheck validate(String number) {
    String curp = NumberText.compact(number);
    if (curp.isEmpty()) {
      return invalid("empty");
    }
    if (curp.length() != 18) {
      return invalid("bad_length");
    }
    if (!CURP.matcher(curp).matches()) {
      return invalid("bad_format");
    }
    if (REPLACED_WORDS.contains(curp.substring(0, 4))) {
      return invalid("forbidden_word");
    }
    if (!birthDateExists(curp)) {
      return invalid("bad_date");
    }
    if (curp.charAt(17) - '0' != checkDigit(curp)) {
      return invalid("bad_check_digit");
    }
    return NumberCheck.valid(ALGORITHM);
  }

  /** The check digit of the first 17 characters of {@code curp}. */
  public static int checkDigit(String curp) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(curp.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("not a CURP character: " + curp.charAt(i));
      }
      sum += value * (18 - i);
    }
    return (10 - sum % 10) % 10;
  }

  private static boolean birthDateExists(String curp) {
    int century = Character.isDigit(curp.charAt(16)) ? 1900 : 2000;
    try {
      LocalDate.of(
          century + Integer.parseInt(curp.substring(4, 6)),
          Integer.parseInt(curp.substring(6, 8)),
          Integer.parseInt(curp.substring(8, 10)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static NumberCheck invalid(String reason) {
    return NumberCheck.invalid(ALGORITHM, reason, NumberCheck.INVALID_CURP);
  }
}
