package io.idforge.identity.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** JSON helpers for the wire tests: the default Yasson {@link Jsonb} and key-order inspection. */
public final class JsonSupport {

  /** A default JSON-B instance, as the runtime uses (nulls omitted). */
  public static final Jsonb JSONB = JsonbBuilder.create();

  private JsonSupport() {}

  public static String toJson(Object value) {
    return JSONB.toJson(value);
  }

  public static <T> T fromJson(String json, Class<T> type) {
    return JSONB.fromJson(json, type);
  }

  /** Parses JSON text into a {@link JsonObject} (key order preserved). */
  public static JsonObject object(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** The keys of a JSON object, in document order. */
  public static List<String> keys(JsonObject object) {
    return new ArrayList<>(object.keySet());
  }

  /** The top-level keys of a serialised value, in document order. */
  public static List<String> keysOf(Object value) {
    return keys(object(toJson(value)));
  }

  /** A classpath resource as UTF-8 text. */
  public static String resource(String path) {
    try (InputStream in = JsonSupport.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
