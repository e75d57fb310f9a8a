package io.idforge.identity.core.document.mrz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one OCR line into the readings that could be an MRZ line of a given length. The tolerances
 * are deliberately few: upper-casing; {@code «} read as one or two fillers (OCR engines merge
 * {@code <<} into a guillemet); whitespace either dropped (spurious gaps) or read as one filler per
 * space (fillers rendered blank); a trailing filler run that was cut short or over-read. Anything
 * else outside {@code [A-Z0-9<]} rejects the line.
 */
final class MrzLines {

  private static final Pattern MRZ_CHARS = Pattern.compile("[A-Z0-9<]+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s");

  private MrzLines() {}

  /** The non-blank lines of an OCR text, in order. */
  static List<String> nonBlankLines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /** Distinct readings of {@code ocrLine} that are exactly {@code length} MRZ characters. */
  static Set<String> readings(String ocrLine, int length) {
    String upper = ocrLine.strip().toUpperCase(Locale.ROOT);
    Set<String> guillemets = new LinkedHashSet<>();
    guillemets.add(upper.replace("«", "<"));
    guillemets.add(upper.replace("«", "<<"));
    Set<String> readings = new LinkedHashSet<>();
    for (String g : guillemets) {
      fit(WHITESPACE.matcher(g).replaceAll(""), length, readings);
      fit(WHITESPACE.matcher(g).replaceAll("<"), length, readings);
    }
    return readings;
  }

  private static void fit(String s, int length, Set<String> out) {
    if (!MRZ_CHARS.matcher(s).matches()) {
      return;
    }
    if (s.length() == length) {
      out.add(s);
    } else if (s.length() < length && s.endsWith("<")) {
      out.add(s + "<".repeat(length - s.length()));
    } else if (s.length() > length && s.substring(length).chars().allMatch(c -> c == '<')) {
      out.add(s.substring(0, length));
    }
  }
}
