package io.idforge.identity.core.document.mrz;

/**
 * Splits an ICAO name field: the primary identifier (surnames) ends at the first double filler, the
 * secondary identifier (given names) follows; single fillers inside either are spaces.
 */
final class MrzNames {

  private MrzNames() {}

  /** {surnames, given names}; given names are empty when the field has no double filler. */
  static String[] split(String field) {
    String trimmed = stripTrailingFillers(field);
    int separator = trimmed.indexOf("<<");
    String primary = separator < 0 ? trimmed : trimmed.substring(0, separator);
    String secondary = separator < 0 ? "" : trimmed.substring(separator + 2);
    return new String[] {words(primary), words(secondary)};
  }

  static String stripTrailingFillers(String field) {
    int end = field.length();
    while (end > 0 && field.charAt(end - 1) == '<') {
      end--;
    }
    return field.substring(0, end);
  }

  private static String words(String part) {
    return part.replace('<', ' ').trim().replaceAll(" +", " ");
  }
}
