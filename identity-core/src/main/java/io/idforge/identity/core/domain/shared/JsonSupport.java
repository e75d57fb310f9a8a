package io.idforge.identity.core.domain.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json}'s static factories look
 * the provider up through {@code ServiceLoader} on every call, which in Payara scans the class path
 * each time (16–27 % of CPU per request in the benchmark); looking it up once removes that.
 */
public final class JsonSupport {

  public static final JsonProvider JSON = JsonProvider.provider();

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonSupport() {}

  /**
   * Appends {@code s} as a JSON string literal, escaped exactly as JSON-P (Parsson) escapes it:
   * {@code "} and {@code \} and the control characters, nothing else. For the few hot paths that
   * write JSON text by hand (event snapshots, webhook bodies); elsewhere use {@link #JSON}.
   */
  public static void appendQuoted(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        out.append(c);
        continue;
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    out.append('"');
  }
}
