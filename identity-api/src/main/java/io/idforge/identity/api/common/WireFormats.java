package io.idforge.identity.api.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.idforge.identity.api.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Formats shared by the wire parsers: account ids, flow ids, ISO countries, E.164 phone numbers,
 * email addresses, redirect URLs and free text. The {@code check...} methods throw an {@link
 * InvalidInputException} naming the field and never echo the rejected value.
 */
public final class WireFormats {

  /** Truora's account id regex (WIT guide, accounts guide). */
  public static final Pattern ACCOUNT_ID = Pattern.compile("[a-zA-Z0-9_.-]+");

  /** Longest accepted account id. */
  public static final int ACCOUNT_ID_MAX_LENGTH = 100;

  /** Lenient flow id format; generated ids are {@code IPF} + 32 lowercase hex. */
  public static final Pattern FLOW_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** Longest accepted redirect URL. */
  public static final int URL_MAX_LENGTH = 2048;

  /** Longest accepted email address (RFC 5321 path limit). */
  public static final int EMAIL_MAX_LENGTH = 254;

  /** The hint given with every rejected phone number. */
  public static final String PHONE_HINT = "use +<country code><number>, e.g. +573101234567";

  private static final Pattern PHONE_CHARS = Pattern.compile("\\+[0-9][0-9 ().-]{3,30}");
  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final Pattern EMAIL =
      Pattern.compile(
          "("
              + ATOM
              + "(?:\\."
              + ATOM
              + ")*)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63})");
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private WireFormats() {}

  /** True for an account id matching {@code [a-zA-Z0-9_.-]+} of at most 100 characters. */
  public static boolean isAccountId(String value) {
    return value != null
        && value.length() <= ACCOUNT_ID_MAX_LENGTH
        && ACCOUNT_ID.matcher(value).matches();
  }

  /** True for an upper-case ISO-3166 alpha-2 code. */
  public static boolean isIsoCountry(String value) {
    return value != null && value.length() == 2 && ISO_COUNTRIES.contains(value);
  }

  /**
   * The E.164 form of an international phone number ({@code +} and country code required), or
   * empty when libphonenumber does not consider it a valid number.
   */
  public static Optional<String> e164(String value) {
    value = restorePlus(value);
    if (value == null || !PHONE_CHARS.matcher(value.trim()).matches()) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = PHONES.parse(value.trim(), null);
      if (!PHONES.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(PHONES.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Undoes a common client bug: an unencoded {@code +} in a form body decodes to a space (Truora's
   * own guide shows {@code phone=+57...}), so a value that starts with a space and then digits
   * meant {@code +digits}.
   */
  static String restorePlus(String value) {
    if (value != null && value.startsWith(" ") && !value.isBlank() && Character.isDigit(value.stripLeading().charAt(0))) {
      return "+" + value.stripLeading();
    }
    return value;
  }

  /**
   * The normalised form of an email address (trimmed, domain lower-cased), or empty when it is
   * not a plausible {@code local@domain.tld} of at most 254 characters.
   */
  public static Optional<String> email(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.length() > EMAIL_MAX_LENGTH) {
      return Optional.empty();
    }
    var m = EMAIL.matcher(v);
    if (!m.matches() || m.group(1).length() > 64) {
      return Optional.empty();
    }
    return Optional.of(m.group(1) + "@" + m.group(2).toLowerCase(Locale.ROOT));
  }

  /** True for an absolute {@code http} or {@code https} URL with a host, at most 2048 chars. */
  public static boolean isHttpUrl(String value) {
    if (value == null || value.isEmpty() || value.length() > URL_MAX_LENGTH) {
      return false;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return uri.isAbsolute()
          && !uri.isOpaque()
          && scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Checks an account id; see {@link #isAccountId(String)}. */
  public static String checkAccountId(String field, String value) {
    if (value.length() > ACCOUNT_ID_MAX_LENGTH) {
      throw new InvalidInputException(
          field, field + " must be at most " + ACCOUNT_ID_MAX_LENGTH + " characters");
    }
    if (!ACCOUNT_ID.matcher(value).matches()) {
      throw new InvalidInputException(field, field + " must match [a-zA-Z0-9_.-]+");
    }
    return value;
  }

  /** Checks a phone number and returns its E.164 form; see {@link #e164(String)}. */
  public static String checkPhone(String field, String value) {
    return e164(value)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    field, field + " must be a valid phone number; " + PHONE_HINT));
  }

  /** Checks an email address and returns its normalised form; see {@link #email(String)}. */
  public static String checkEmail(String field, String value) {
    return email(value)
        .orElseThrow(
            () -> new InvalidInputException(field, field + " must be a valid email address"));
  }

  /** Checks a redirect URL; see {@link #isHttpUrl(String)}. */
  public static String checkHttpUrl(String field, String value) {
    if (value.length() > URL_MAX_LENGTH) {
      throw new InvalidInputException(
          field, field + " must be at most " + URL_MAX_LENGTH + " characters");
    }
    if (!isHttpUrl(value)) {
      throw new InvalidInputException(
          field, field + " must be an absolute http or https URL");
    }
    return value;
  }

  /**
   * Checks free text: {@code min..max} characters, no control characters.
   *
   * @return the value unchanged
   */
  public static String checkText(String field, String value, int min, int max) {
    if (value.length() < min || value.length() > max) {
      throw new InvalidInputException(
          field, field + " must be " + min + " to " + max + " characters long");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidInputException(field, field + " must not contain control characters");
      }
    }
    return value;
  }
}
