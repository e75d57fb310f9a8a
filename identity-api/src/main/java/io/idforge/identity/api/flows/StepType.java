package io.idforge.identity.api.flows;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code type} of a step of our flow API; each step runs one validator of the same name.
 *
 * <p>Wire values keep Truora's spelling; use {@link #wireValue()} and {@link #fromWire(String)},
 * never {@code name()}/{@code valueOf}. Record components of this type are annotated with
 * {@code JsonbTypeAdapter(StepType.Adapter.class)}.
 */
public enum StepType {
  PHONE_VERIFICATION("phone-verification"),
  EMAIL_VERIFICATION("email-verification"),
  DOCUMENT_VALIDATION("document-validation"),
  FACE_RECOGNITION("face-recognition");

  private final String wireValue;

  StepType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value as written on the wire. */
  public String wireValue() {
    return wireValue;
  }

  /** The constant for a wire value (exact, case-sensitive); empty when unknown or null. */
  public static Optional<StepType> fromWire(String value) {
    for (StepType v : values()) {
      if (v.wireValue.equals(value)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The wire values joined for error messages, e.g. {@code "a, b, c"}. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(StepType::wireValue).collect(Collectors.joining(", "));
  }

  /** JSON-B adapter writing and reading the wire value. */
  public static final class Adapter implements JsonbAdapter<StepType, String> {

    @Override
    public String adaptToJson(StepType value) {
      return value == null ? null : value.wireValue();
    }

    @Override
    public StepType adaptFromJson(String value) {
      return value == null
          ? null
          : fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown " + value));
    }
  }
}
