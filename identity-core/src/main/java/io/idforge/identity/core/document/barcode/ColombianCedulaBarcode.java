package io.idforge.identity.core.document.barcode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The holder data in the PDF417 payload on the back of the Colombian yellow <i>cédula de
 * ciudadanía</i>.
 *
 * <p>The Registraduría has never published the layout. This parser implements the fixed-position
 * layout described by open-source readers (Eitol/colombian-cedula-reader, its Python and PHP
 * decoders, and later projects that checked it against real cards): a 531-byte ISO-8859-1 frame
 * whose offsets, counted from the frame start, are
 *
 * <pre>
 *   [0,2)     2 digits (document type prefix)     [2,10)   AFIS code
 *   [10,24)   NUL padding                          [24,32)  marker "PubDSK_1"
 *   [32,40)   NUL padding                          [40,48)  8-digit field (finger card)
 *   [48,58)   document number (NUIP), zero-padded on the left
 *   [58,81)   first surname     [81,104)  second surname
 *   [104,127) first name        [127,150) middle name        (NUL-padded on the right)
 *   [150]     '0'   [151] gender M|F   [152,160) birth date YYYYMMDD
 *   [160,162) department code  [162,165) municipality code (DIVIPOL)  [165] one digit
 *   [166,168) RH, e.g. "O+" (three bytes for AB+ / AB-), then binary fingerprint templates
 * </pre>
 *
 * <p>Assumptions: offsets are taken relative to the {@code PubDSK_1} marker (frame start = marker −
 * 24), because some scanners drop the leading NUL run; a payload without the marker, shorter than
 * the demographic block, or whose number, gender or birth date do not fit is not a cédula and
 * yields empty. Readers that strip every NUL lose the field boundaries and are not supported, nor
 * is the reported marker-less variant with shifted offsets. The RH is empty when it does not read
 * as {@code A|B|AB|O} followed by {@code +} or {@code -}.
 *
 * @param documentNumber NUIP without the left zero padding
 * @param firstSurname first surname
 * @param secondSurname second surname, may be empty
 * @param firstName first given name
 * @param middleName second given name, may be empty
 * @param gender {@code M} or {@code F}
 * @param dateOfBirth birth date
 * @param bloodType RH as printed ({@code O+}, {@code AB-}, …), empty when unreadable
 */
public record ColombianCedulaBarcode(
    String documentNumber,
    String firstSurname,
    String secondSurname,
    String firstName,
    String middleName,
    String gender,
    LocalDate dateOfBirth,
    String bloodType) {

  private static final String MARKER = "PubDSK_1";
  private static final int MARKER_OFFSET = 24;
  private static final int DEMOGRAPHICS_END = 168;
  private static final Pattern RH = Pattern.compile("(AB|A|B|O)[+-]");
  private static final Pattern NUMBER = Pattern.compile("0*([1-9]\\d{2,9})");

  public ColombianCedulaBarcode {
    Objects.requireNonNull(documentNumber, "documentNumber");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
  }

  /** Both surnames, space-separated. */
  public String surnames() {
    return join(firstSurname, secondSurname);
  }

  /** Both given names, space-separated. */
  public String givenNames() {
    return join(firstName, middleName);
  }

  /** The cédula data in {@code payload}, or empty when it is not a cédula payload. */
  public static Optional<ColombianCedulaBarcode> parse(String payload) {
    if (payload == null) {
      return Optional.empty();
    }
    int base = payload.indexOf(MARKER) - MARKER_OFFSET;
    if (base < -MARKER_OFFSET || base + DEMOGRAPHICS_END > payload.length()) {
      return Optional.empty();
    }
    // A truncated header leaves base negative; the fields used all lie past the marker.
    Matcher number = NUMBER.matcher(field(payload, base, 48, 58));
    String gender = field(payload, base, 151, 152);
    Optional<LocalDate> birth = date(field(payload, base, 152, 160));
    if (!number.matches() || !(gender.equals("M") || gender.equals("F")) || birth.isEmpty()) {
      return Optional.empty();
    }
    String surname = name(payload, base, 58, 81);
    if (surname.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ColombianCedulaBarcode(
            number.group(1),
            surname,
            name(payload, base, 81, 104),
            name(payload, base, 104, 127),
            name(payload, base, 127, 150),
            gender,
            birth.get(),
            bloodType(payload, base)));
  }

  private static String field(String payload, int base, int from, int to) {
    return payload.substring(base + from, base + to);
  }

  private static String name(String payload, int base, int from, int to) {
    String raw = field(payload, base, from, to);
    int nul = raw.indexOf('\0');
    return (nul < 0 ? raw : raw.substring(0, nul)).trim();
  }

  private static String bloodType(String payload, int base) {
    int end = Math.min(payload.length(), base + DEMOGRAPHICS_END + 1);
    Matcher rh = RH.matcher(payload.substring(base + 166, end));
    return rh.lookingAt() ? rh.group() : "";
  }

  private static Optional<LocalDate> date(String yyyymmdd) {
    if (!yyyymmdd.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(yyyymmdd.substring(0, 4)),
              Integer.parseInt(yyyymmdd.substring(4, 6)),
              Integer.parseInt(yyyymmdd.substring(6, 8))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String join(String a, String b) {
    return b.isEmpty() ? a : a.isEmpty() ? b : a + " " + b;
  }
}
