package io.idforge.identity.core.engine;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.core.domain.flow.StepType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.OffsetDateTime;

/**
 * Writes a reviewer's decision into a validation's {@code details} as Truora shows it: a
 * {@code manual_review} item with {@code manually_reviewed: true} and {@code result valid|invalid},
 * under {@code document_validations} for documents and {@code face_recognition_validations} for
 * faces.
 */
final class ReviewDetails {

  private ReviewDetails() {}

  static String withDecision(String details, StepType type, boolean approved, String note, OffsetDateTime now) {
    JsonObject root = details == null ? JsonObject.EMPTY_JSON_OBJECT : parse(details);
    String group = type == StepType.FACE_RECOGNITION ? "face_recognition_validations" : "document_validations";
    JsonObject existing = root.containsKey(group) ? root.getJsonObject(group) : JsonObject.EMPTY_JSON_OBJECT;
    JsonArrayBuilder items = JSON.createArrayBuilder();
    if (existing.containsKey("manual_review")) {
      existing.getJsonArray("manual_review").forEach(items::add);
    }
    items.add(
        JSON.createObjectBuilder()
            .add("validation_name", "manual_review")
            .add("result", approved ? "valid" : "invalid")
            .add("validation_type", "manual-validation")
            .add("message", note == null || note.isBlank() ? (approved ? "Approved by a reviewer" : "Declined by a reviewer") : note)
            .add("manually_reviewed", true)
            .add("created_at", EventSnapshots.date(now)));
    JsonObjectBuilder updatedGroup = JSON.createObjectBuilder(existing).add("manual_review", items);
    return JSON.createObjectBuilder(root).add(group, updatedGroup).build().toString();
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
