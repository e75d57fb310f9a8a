package io.idforge.identity.web.outbound;

/** Masks phone numbers for logs: {@code +573001234567} becomes {@code +57******4567}. */
final class PhoneMask {

  private PhoneMask() {}

  /** The first two and last four digits; {@code ***} for anything too short to mask usefully. */
  static String mask(String phone) {
    if (phone == null) {
      return "***";
    }
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() < 7) {
      return "***";
    }
    return "+" + digits.substring(0, 2) + "*".repeat(digits.length() - 6)
        + digits.substring(digits.length() - 4);
  }
}
