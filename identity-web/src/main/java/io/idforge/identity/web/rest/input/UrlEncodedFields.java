package io.idforge.identity.web.rest.input;

import io.idforge.identity.api.error.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The name/value pairs of a query string or an {@code application/x-www-form-urlencoded} body,
 * decoded as UTF-8 in the order sent, duplicates kept, so the rules can see what a {@code
 * MultivaluedMap} hides. A malformed percent escape is the same 400 JAX-RS gives for it.
 */
final class UrlEncodedFields {

  static final String UNREADABLE = "Invalid request: the request body or parameters could not be read";

  private UrlEncodedFields() {}

  /**
   * Decodes {@code raw}; an empty segment ({@code a=1&&b=2}, a trailing {@code &}) is skipped, as
   * every form decoder does, but {@code =value} keeps its empty name for the rules to refuse.
   */
  static List<Map.Entry<String, String>> parse(String raw) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(Map.entry(decode(name), decode(value)));
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(null, UNREADABLE);
    }
  }
}
