package io.idforge.identity.core.engine;

import io.idforge.identity.core.domain.shared.JsonSupport;

/**
 * A flat JSON object written straight into one buffer, for the process snapshot that every event
 * of a process carries: the expiry sweep writes one per expired process, where JSON-P's builder
 * (a map of value objects per snapshot, then a generator) was a fifth of its CPU. Strings are
 * escaped by {@link JsonSupport#appendQuoted}, as JSON-P escapes them, so the text is the same
 * ({@code EventSnapshotsTest} compares both).
 */
final class SnapshotJson {

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
    JsonSupport.appendQuoted(out, s);
  }
}
