package io.idforge.identity.core.engine;

/**
 * A flat JSON object written straight into one buffer, for the process snapshot that every event
 * of a process carries: the expiry sweep writes one per expired process, where JSON-P's builder
 * (a map of value objects per snapshot, then a generator) was a fifth of its CPU. Strings are
 * escaped as JSON-P (Parsson) escapes them, so the text is the same ({@code EventSnapshotsTest}
 * compares both): {@code "} and {@code \} and the control characters, nothing else.
 */
final class SnapshotJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out = new StringBuilder(512).append('{');

  SnapshotJson add(String name, String value) {
    name(name);
    string(value);
    return this;
  }

  SnapshotJson add(String name, int value) {
    name(name);
    out.append(value);
    return this;
  }

  /** Leaves the field out when {@code value} is null, as the snapshots always have. */
  SnapshotJson addIfPresent(String name, String value) {
    return value == null ? this : add(name, value);
  }

  @Override
  public String toString() {
    return out.toString() + '}';
  }

  private void name(String name) {
    if (out.length() > 1) {
      out.append(',');
    }
    string(name);
    out.append(':');
  }

  private void string(String s) {
    if (s == null) {
      // As JSON-P's add(name, (String) null) would: a snapshot field is never silently null.
      throw new NullPointerException("snapshot value is null");
    }
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
