package io.idforge.identity.api.common;

import io.idforge.identity.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Strict reader over a raw {@code application/x-www-form-urlencoded} body (a JAX-RS {@code
 * MultivaluedMap} is a {@code Map<String, List<String>>}). Values are trimmed; blank values count
 * as absent; a single-valued field given twice, or any field the caller does not know, is an
 * {@link InvalidInputException} naming the field, as Truora answers 400 to both.
 */
public final class FormReader {

  private static final int MAX_ECHOED_NAME = 64;

  private final Map<String, List<String>> form;

  private FormReader(Map<String, List<String>> form) {
    this.form = form;
  }

  /** A reader over {@code form}; null reads as an empty form. */
  public static FormReader of(Map<String, List<String>> form) {
    return new FormReader(form == null ? Map.of() : form);
  }

  /** The field names in the iteration order of the underlying map. */
  public Set<String> fieldNames() {
    return Collections.unmodifiableSet(form.keySet());
  }

  /**
   * Rejects the first field (in iteration order) that {@code isKnown} does not accept, with
   * {@code "Invalid request: unknown field <name>"}.
   */
  public void rejectUnknown(Predicate<String> isKnown) {
    for (String name : form.keySet()) {
      if (name == null || !isKnown.test(name)) {
        String shown = describe(name);
        throw new InvalidInputException(shown, "unknown field " + shown);
      }
    }
  }

  /** True when the field is present with at least one non-blank value. */
  public boolean has(String field) {
    return !values(field).isEmpty();
  }

  /**
   * The trimmed value of a single-valued field; empty when absent or blank.
   *
   * @throws InvalidInputException when the field was sent more than once
   */
  public Optional<String> optional(String field) {
    List<String> raw = form.get(field);
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    if (raw.size() > 1) {
      throw new InvalidInputException(field, field + " must be given only once");
    }
    String v = raw.get(0);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /**
   * The trimmed value of a required single-valued field.
   *
   * @throws InvalidInputException when absent, blank or sent more than once
   */
  public String required(String field) {
    return optional(field)
        .orElseThrow(() -> new InvalidInputException(field, field + " is required"));
  }

  /**
   * The untrimmed value of a single-valued field; empty when absent or blank.
   *
   * @throws InvalidInputException when the field was sent more than once
   */
  public Optional<String> optionalRaw(String field) {
    List<String> raw = form.get(field);
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    if (raw.size() > 1) {
      throw new InvalidInputException(field, field + " must be given only once");
    }
    String v = raw.get(0);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /** Every non-blank value of a multi-valued field, trimmed, in order; empty when absent. */
  public List<String> values(String field) {
    List<String> raw = form.get(field);
    if (raw == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(raw.size());
    for (String v : raw) {
      if (v != null && !v.isBlank()) {
        // A leading space survives trimming: it may be a '+' the client forgot to encode.
        out.add(v.startsWith(" ") ? " " + v.strip() : v.strip());
      }
    }
    return out;
  }

  /**
   * Splits comma-separated values ({@code "a,b"}) into trimmed, non-blank items; several 3P
   * clients send {@code phones} and {@code emails} comma-joined.
   */
  public static List<String> splitCommas(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(",", -1)) {
        if (!part.isBlank()) {
          // Keep one leading space: it may be a '+' that the client forgot to encode.
          out.add(part.startsWith(" ") ? " " + part.strip() : part.strip());
        }
      }
    }
    return out;
  }

  /**
   * A field name made safe to echo in a message: printable ASCII only, at most 64 characters.
   */
  public static String describe(String name) {
    if (name == null) {
      return "(null)";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length() && sb.length() < MAX_ECHOED_NAME; i++) {
      char c = name.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (name.length() > MAX_ECHOED_NAME) {
      sb.append("...");
    }
    return sb.toString();
  }
}
