package io.idforge.identity.api.apikeys;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A document type on the wire ({@code document_type} of tokens and accounts, {@code document_types} of flow steps).
 *
 * <p>Wire values keep Truora's spelling; use {@link #wireValue()} and {@link #fromWire(String)},
 * never {@code name()}/{@code valueOf}. Record components of this type are annotated with
 * {@code JsonbTypeAdapter(DocumentType.Adapter.class)}.
 */
public enum DocumentType {
  NATIONAL_ID("national-id"),
  PASSPORT("passport"),
  DRIVER_LICENSE("driver-license"),
  FOREIGN_ID("foreign-id"),
  IDENTITY_CARD("identity-card"),
  PEP("pep");

  private final String wireValue;

  DocumentType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value as written on the wire. */
  public String wireValue() {
    return wireValue;
  }

  /** The constant for a wire value (exact, case-sensitive); empty when unknown or null. */
  public static Optional<DocumentType> fromWire(String value) {
    for (DocumentType v : values()) {
      if (v.wireValue.equals(value)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The wire values joined for error messages, e.g. {@code "a, b, c"}. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(DocumentType::wireValue).collect(Collectors.joining(", "));
  }

  /** JSON-B adapter writing and reading the wire value. */
  public static final class Adapter implements JsonbAdapter<DocumentType, String> {

    @Override
    public String adaptToJson(DocumentType value) {
      return value == null ? null : value.wireValue();
    }

    @Override
    public DocumentType adaptFromJson(String value) {
      return value == null
          ? null
          : fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown " + value));
    }
  }
}
