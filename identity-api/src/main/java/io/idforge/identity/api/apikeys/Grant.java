package io.idforge.identity.api.apikeys;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code grant} of an API key: the product a web or SDK token may be used for.
 *
 * <p>Wire values keep Truora's spelling; use {@link #wireValue()} and {@link #fromWire(String)},
 * never {@code name()}/{@code valueOf}. Record components of this type are annotated with
 * {@code JsonbTypeAdapter(Grant.Adapter.class)}.
 */
public enum Grant {
  DIGITAL_IDENTITY("digital-identity"),
  SIGNALS("signals"),
  VALIDATIONS("validations"),
  CHECK("check");

  private final String wireValue;

  Grant(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value as written on the wire. */
  public String wireValue() {
    return wireValue;
  }

  /** The constant for a wire value (exact, case-sensitive); empty when unknown or null. */
  public static Optional<Grant> fromWire(String value) {
    for (Grant v : values()) {
      if (v.wireValue.equals(value)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The wire values joined for error messages, e.g. {@code "a, b, c"}. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(Grant::wireValue).collect(Collectors.joining(", "));
  }

  /** JSON-B adapter writing and reading the wire value. */
  public static final class Adapter implements JsonbAdapter<Grant, String> {

    @Override
    public String adaptToJson(Grant value) {
      return value == null ? null : value.wireValue();
    }

    @Override
    public Grant adaptFromJson(String value) {
      return value == null
          ? null
          : fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown " + value));
    }
  }
}
