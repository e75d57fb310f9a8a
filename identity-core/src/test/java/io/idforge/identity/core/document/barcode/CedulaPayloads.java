package io.idforge.identity.core.document.barcode;

/** Builds synthetic (fictitious person) cédula payloads in the documented fixed-position layout. */
final class CedulaPayloads {

  private CedulaPayloads() {}

  static String payload(
      String number,
      String surname1,
      String surname2,
      String name1,
      String name2,
      String gender,
      String birthYyyymmdd,
      String rh) {
    StringBuilder p = new StringBuilder();
    p.append("02").append("12345678"); // type prefix + AFIS code
    p.append("\0".repeat(14));
    p.append("PubDSK_1");
    p.append("\0".repeat(8));
    p.append("87654321"); // finger card
    p.append("0".repeat(10 - number.length())).append(number);
    p.append(pad(surname1)).append(pad(surname2)).append(pad(name1)).append(pad(name2));
    p.append('0').append(gender).append(birthYyyymmdd).append("05").append("001").append('0');
    p.append(rh).append('\0');
    // A few bytes standing in for the binary fingerprint templates, including high Latin-1 values.
    p.append("\u0002\u0044\u0000\u0080\u00ff\u0080\u0080bMu\u00e9");
    return p.toString();
  }

  private static String pad(String field) {
    return field + "\0".repeat(23 - field.length());
  }
}
