package io.idforge.identity.web.admin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The check items of a validation's {@code details} (as on the wire: groups such as
 * {@code document_validations.data_consistency}, each a list of items with {@code validation_name},
 * {@code result}, {@code message}) as rows for a table, so a reviewer reads results, not JSON.
 */
public final class CheckItems {

  /** One check: its group, name, result and message. */
  public record Row(String group, String name, String result, String message) {}

  private CheckItems() {}

  public static List<Row> of(String detailsJson) {
    List<Row> rows = new ArrayList<>();
    if (detailsJson == null || detailsJson.isBlank()) {
      return rows;
    }
    JsonObject details;
    try (JsonReader reader = Json.createReader(new StringReader(detailsJson))) {
      details = reader.readObject();
    } catch (JsonParsingException | ClassCastException e) {
      return rows;
    }
    for (Map.Entry<String, JsonValue> section : details.entrySet()) {
      if (section.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
        continue;
      }
      for (Map.Entry<String, JsonValue> group : section.getValue().asJsonObject().entrySet()) {
        if (group.getValue().getValueType() != JsonValue.ValueType.ARRAY) {
          continue;
        }
        for (JsonValue item : group.getValue().asJsonArray()) {
          if (item.getValueType() == JsonValue.ValueType.OBJECT && item.asJsonObject().containsKey("validation_name")) {
            JsonObject o = item.asJsonObject();
            rows.add(new Row(group.getKey(), o.getString("validation_name", ""), o.getString("result", ""),
                o.getString("message", "")));
          }
        }
      }
    }
    return rows;
  }
}
