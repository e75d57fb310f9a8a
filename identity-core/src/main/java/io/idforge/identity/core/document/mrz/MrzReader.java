package io.idforge.identity.core.document.mrz;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of candidate MRZ lines of one format by their ICAO positions (9303 Part 4 for
 * TD3, Part 5 for TD1, Part 6 for TD2). A candidate is rejected when its structure is impossible
 * (wrong document code for the size, a date or check position with no numeric reading, a sex that
 * is not {@code M}, {@code F}, {@code X} or filler, a code or name with no letter); wrong check
 * digits do not reject it, they are reported in {@link MrzChecks}.
 */
final class MrzReader {

  /** TD1 and TD2 are ID cards (Parts 5, 6): first letter A, C or I. TD3 is a passport: P. */
  private static final Set<Character> CARD_CODES = Set.of('A', 'C', 'I');

  private final LocalDate today;

  MrzReader(LocalDate today) {
    this.today = today;
  }

  Optional<Mrz> read(MrzFormat format, List<String> lines) {
    return switch (format) {
      case TD1 -> td1(lines.get(0), lines.get(1), lines.get(2));
      case TD2 -> twoLine(MrzFormat.TD2, lines.get(0), lines.get(1));
      case TD3 -> twoLine(MrzFormat.TD3, lines.get(0), lines.get(1));
    };
  }

  /** TD2 and TD3 share their layout; TD3 adds a check digit on its 14-character optional data. */
  private Optional<Mrz> twoLine(MrzFormat format, String upper, String lower) {
    boolean td3 = format == MrzFormat.TD3;
    Optional<Header> header = header(upper, td3);
    Optional<String[]> names = names(upper.substring(5));
    Optional<Middle> middle = middle(lower.substring(10, 28));
    Optional<String> numberCheck = OcrCorrection.numeric(lower.substring(9, 10));
    int optionalEnd = td3 ? 42 : 35;
    Optional<String> optionalCheck =
        td3 ? OcrCorrection.numeric(lower.substring(42, 43)) : Optional.of("");
    Optional<String> composite = OcrCorrection.numeric(lower.substring(format.length() - 1));
    if (header.isEmpty()
        || names.isEmpty()
        || middle.isEmpty()
        || numberCheck.isEmpty()
        || optionalCheck.isEmpty()
        || composite.isEmpty()) {
      return Optional.empty();
    }
    String optional = lower.substring(28, optionalEnd);
    NumberField number = number(lower.substring(0, 9), numberCheck.get().charAt(0), optional, !td3);
    String corrected =
        lower.substring(0, 9)
            + numberCheck.get()
            + middle.get().corrected()
            + optional
            + optionalCheck.get();
    String compositeInput =
        corrected.substring(0, 10) + corrected.substring(13, 20) + corrected.substring(21);
    boolean optionalValid = !td3 || MrzCheckDigit.verify(optional, optionalCheck.get().charAt(0));
    MrzChecks checks =
        new MrzChecks(
            number.valid(),
            middle.get().birthValid(),
            middle.get().expiryValid(),
            optionalValid,
            MrzCheckDigit.verify(compositeInput, composite.get().charAt(0)));
    return Optional.of(
        mrz(
            format,
            header.get(),
            number,
            names.get(),
            middle.get(),
            number.restOfOptional(),
            "",
            checks,
            List.of(upper, lower)));
  }

  /** TD1: number on the upper line, dates and nationality on the middle one, names below. */
  private Optional<Mrz> td1(String upper, String middleLine, String lower) {
    Optional<Header> header = header(upper, false);
    Optional<String> numberCheck = OcrCorrection.numeric(upper.substring(14, 15));
    // Rearranged into the TD2/TD3 order: nationality, birth + check, sex, expiry + check.
    Optional<Middle> middle = middle(middleLine.substring(15, 18) + middleLine.substring(0, 15));
    Optional<String> composite = OcrCorrection.numeric(middleLine.substring(29, 30));
    Optional<String[]> names = names(lower);
    if (header.isEmpty()
        || numberCheck.isEmpty()
        || middle.isEmpty()
        || composite.isEmpty()
        || names.isEmpty()) {
      return Optional.empty();
    }
    String optional1 = upper.substring(15, 30);
    String optional2 = middleLine.substring(18, 29);
    NumberField number =
        number(upper.substring(5, 14), numberCheck.get().charAt(0), optional1, true);
    String dates = middle.get().corrected().substring(3);
    String compositeInput =
        upper.substring(5, 14)
            + numberCheck.get()
            + optional1
            + dates.substring(0, 7)
            + dates.substring(8)
            + optional2;
    MrzChecks checks =
        new MrzChecks(
            number.valid(),
            middle.get().birthValid(),
            middle.get().expiryValid(),
            true,
            MrzCheckDigit.verify(compositeInput, composite.get().charAt(0)));
    return Optional.of(
        mrz(
            MrzFormat.TD1,
            header.get(),
            number,
            names.get(),
            middle.get(),
            number.restOfOptional(),
            MrzNames.stripTrailingFillers(optional2),
            checks,
            List.of(upper, middleLine, lower)));
  }

  private Mrz mrz(
      MrzFormat format,
      Header header,
      NumberField number,
      String[] names,
      Middle middle,
      String optional,
      String optional2,
      MrzChecks checks,
      List<String> lines) {
    return new Mrz(
        format,
        header.code(),
        header.issuer(),
        number.value(),
        number.check(),
        names[0],
        names[1],
        middle.nationality(),
        MrzDates.birth(middle.birth(), today),
        middle.sex(),
        MrzDates.expiry(middle.expiry()),
        MrzNames.stripTrailingFillers(optional),
        optional2,
        checks,
        lines);
  }

  private record Header(String code, String issuer) {}

  private static Optional<Header> header(String upper, boolean passport) {
    Optional<String> code = OcrCorrection.alphabetic(upper.substring(0, 2));
    Optional<String> issuer = OcrCorrection.alphabetic(upper.substring(2, 5));
    if (code.isEmpty() || issuer.isEmpty() || !hasLetter(issuer.get())) {
      return Optional.empty();
    }
    char first = code.get().charAt(0);
    boolean allowed = passport ? first == 'P' : CARD_CODES.contains(first);
    if (!allowed) {
      return Optional.empty();
    }
    return Optional.of(new Header(MrzNames.stripTrailingFillers(code.get()), strip(issuer.get())));
  }

  /**
   * Nationality, birth date, sex and expiry as laid out from position 10 of the TD2/TD3 lower line:
   * {@code NNN YYMMDD c S YYMMDD c}. TD1 reuses it with the fields rearranged.
   */
  private record Middle(
      String nationality,
      String birth,
      String sex,
      String expiry,
      String corrected,
      boolean birthValid,
      boolean expiryValid) {}

  private static Optional<Middle> middle(String s) {
    Optional<String> nationality = OcrCorrection.alphabetic(s.substring(0, 3));
    Optional<String> birth = OcrCorrection.numeric(s.substring(3, 10));
    Optional<String> sex = sex(s.charAt(10));
    Optional<String> expiry = OcrCorrection.numeric(s.substring(11, 18));
    if (nationality.isEmpty() || birth.isEmpty() || sex.isEmpty() || expiry.isEmpty()) {
      return Optional.empty();
    }
    String b = birth.get();
    String e = expiry.get();
    String corrected = nationality.get() + b + s.charAt(10) + e;
    return Optional.of(
        new Middle(
            strip(nationality.get()),
            b.substring(0, 6),
            sex.get(),
            e.substring(0, 6),
            corrected,
            MrzCheckDigit.verify(b.substring(0, 6), b.charAt(6)),
            MrzCheckDigit.verify(e.substring(0, 6), e.charAt(6))));
  }

  private static Optional<String> sex(char c) {
    return switch (c) {
      case 'M', 'F' -> Optional.of(String.valueOf(c));
      case 'X', '<' -> Optional.of("X");
      default -> Optional.empty();
    };
  }

  private static Optional<String[]> names(String field) {
    return OcrCorrection.alphabetic(field).filter(MrzReader::hasLetter).map(MrzNames::split);
  }

  /**
   * The document number and its check. On TD1 and TD2 a number longer than nine characters puts a
   * filler in the check position and continues in the optional data, ending with its check digit
   * and a filler (the long-document-number rule of 9303 Parts 5 and 6).
   */
  private record NumberField(String value, char check, boolean valid, String restOfOptional) {}

  private static NumberField number(
      String field, char check, String optional, boolean mayOverflow) {
    int end = optional.indexOf('<');
    if (mayOverflow && check == '<' && end > 1) {
      String full = field + optional.substring(0, end - 1);
      char overflowCheck = optional.charAt(end - 1);
      return new NumberField(
          full,
          overflowCheck,
          MrzCheckDigit.verify(full, overflowCheck),
          optional.substring(end + 1));
    }
    return new NumberField(
        MrzNames.stripTrailingFillers(field), check, MrzCheckDigit.verify(field, check), optional);
  }

  private static boolean hasLetter(String s) {
    return s.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
  }

  private static String strip(String s) {
    return s.replace("<", "");
  }
}
