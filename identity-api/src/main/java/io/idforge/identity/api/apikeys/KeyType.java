package io.idforge.identity.api.apikeys;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code key_type} of {@code POST /v1/api-keys}: permanent backend keys, per-process web tokens, SDK tokens and the SDK's generator keys.
 *
 * <p>Wire values keep Truora's spelling; use {@link #wireValue()} and {@link #fromWire(String)},
 * never {@code name()}/{@code valueOf}. Record components of this type are annotated with
 * {@code JsonbTypeAdapter(KeyType.Adapter.class)}.
 */
public enum KeyType {
  BACKEND("backend"),
  WEB("web"),
  SDK("sdk"),
  GENERATOR("generator");

  private final String wireValue;

  KeyType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value as written on the wire. */
  public String wireValue() {
    return wireValue;
  }

  /** The constant for a wire value (exact, case-sensitive); empty when unknown or null. */
  public static Optional<KeyType> fromWire(String value) {
    for (KeyType v : values()) {
      if (v.wireValue.equals(value)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The wire values joined for error messages, e.g. {@code "a, b, c"}. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(KeyType::wireValue).collect(Collectors.joining(", "));
  }

  /** JSON-B adapter writing and reading the wire value. */
  public static final class Adapter implements JsonbAdapter<KeyType, String> {

    @Override
    public String adaptToJson(KeyType value) {
      return value == null ? null : value.wireValue();
    }

    @Override
    public KeyType adaptFromJson(String value) {
      return value == null
          ? null
          : fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown " + value));
    }
  }
}
