package io.idforge.identity.web.logging;

import java.util.Locale;

/**
 * The values of {@code identity.log.format}: one plain-text line per record (the default), or one
 * JSON object per line for log collectors (Loki, Elasticsearch, Cloud Logging).
 */
public enum LogFormat {
  TEXT,
  JSON;

  /** The configuration key. */
  public static final String KEY = "identity.log.format";

  /** {@code text} or {@code json}, any case; anything else fails the deployment. */
  static LogFormat parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "", "text" -> TEXT;
      case "json" -> JSON;
      default -> throw new IllegalStateException(KEY + " must be text or json, not '" + value + "'");
    };
  }
}
