package io.idforge.identity.core.document.mrz;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and parses an ICAO 9303 machine-readable zone (TD1 3×30, TD2 2×36, TD3 2×44) inside noisy
 * OCR text, such as the full text recognised on the back of an ID card or the data page of a
 * passport.
 *
 * <p>Every run of consecutive non-blank lines is tried as each format, with the few OCR tolerances
 * of {@code MrzLines} and the field-type corrections of {@code OcrCorrection}. Among the
 * structurally valid readings the one with the most matching check digits wins (the earliest on a
 * tie), so a corrupted zone is still returned, with its failed checks reported in {@link
 * MrzChecks}. Visas (MRV-A/MRV-B, document code {@code V}) are not recognised.
 *
 * <p>Two-digit birth years are resolved against the clock given at construction, never the system
 * clock. Instances are immutable and thread-safe.
 */
public final class MrzParser {

  /** TD3 and TD1 first: a TD3 pair cannot also read as TD2, and longer zones are likelier. */
  private static final List<MrzFormat> ORDER = List.of(MrzFormat.TD3, MrzFormat.TD1, MrzFormat.TD2);

  private final Clock clock;

  /** A parser that resolves birth years against {@code clock}'s current date. */
  public MrzParser(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A parser that resolves birth years against the fixed date {@code today}. */
  public static MrzParser at(LocalDate today) {
    return new MrzParser(
        Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
  }

  /**
   * The best machine-readable zone found in {@code text}, or empty when no run of lines has the
   * structure of one.
   */
  public Optional<Mrz> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    MrzReader reader = new MrzReader(LocalDate.now(clock));
    List<String> lines = MrzLines.nonBlankLines(text);
    Mrz best = null;
    for (int start = 0; start < lines.size(); start++) {
      for (MrzFormat format : ORDER) {
        if (start + format.lines() > lines.size()) {
          continue;
        }
        for (List<String> candidate :
            combinations(lines.subList(start, start + format.lines()), format)) {
          Optional<Mrz> mrz = reader.read(format, candidate);
          if (mrz.isPresent()
              && (best == null || mrz.get().checks().passed() > best.checks().passed())) {
            best = mrz.get();
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Every choice of one reading per line; a line without readings yields no combination. */
  private static List<List<String>> combinations(List<String> ocrLines, MrzFormat format) {
    List<List<String>> result = new ArrayList<>();
    result.add(List.of());
    for (String ocrLine : ocrLines) {
      Set<String> readings = MrzLines.readings(ocrLine, format.length());
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : result) {
        for (String reading : readings) {
          List<String> extended = new ArrayList<>(prefix);
          extended.add(reading);
          next.add(extended);
        }
      }
      result = next;
    }
    return result;
  }
}
