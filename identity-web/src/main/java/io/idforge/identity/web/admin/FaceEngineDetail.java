package io.idforge.identity.web.admin;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the face engine measured for one face validation, read from the {@code engine} member the
 * face step stores beside the wire details: the similarity and the threshold it was held to, and,
 * per picture, the face's width and sharpness from the engine's note ("distance 0.412; selfie face
 * 180 px wide, sharpness 120; document face 95 px wide, sharpness 60"). A note in another shape (a
 * face too small or blurred) is shown as it is.
 *
 * @param similarity 0..1, absent when no comparison was made
 * @param threshold the flow's threshold at the time
 * @param faces the measured faces, selfie first
 * @param note the engine's note as stored
 */
public record FaceEngineDetail(Double similarity, Double threshold, List<Face> faces, String note) {

  /** One picture's face: {@code selfie} or {@code document}, width in pixels, sharpness (variance of the Laplacian). */
  public record Face(String picture, int widthPx, int sharpness) {}

  private static final Pattern FACE = Pattern.compile("(selfie|document):? face (\\d+) px wide, sharpness (\\d+)");

  /** The detail of a validation's stored details JSON; empty when the engine recorded none. */
  public static Optional<FaceEngineDetail> of(String detailsJson) {
    if (detailsJson == null || detailsJson.isBlank()) {
      return Optional.empty();
    }
    JsonObject engine;
    try (JsonReader reader = Json.createReader(new StringReader(detailsJson))) {
      JsonValue value = reader.readObject().get("engine");
      if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
        return Optional.empty();
      }
      engine = value.asJsonObject();
    } catch (JsonParsingException | ClassCastException e) {
      return Optional.empty();
    }
    String note = engine.getString("detail", "");
    List<Face> faces = new ArrayList<>();
    Matcher m = FACE.matcher(note);
    while (m.find()) {
      faces.add(new Face(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }
    return Optional.of(new FaceEngineDetail(number(engine, "similarity"), number(engine, "threshold"), faces, note));
  }

  /** Whether the similarity reached the threshold (false when either is unknown). */
  public boolean isPassed() {
    return similarity != null && threshold != null && similarity >= threshold;
  }

  private static Double number(JsonObject o, String name) {
    return o.get(name) instanceof JsonNumber n ? n.doubleValue() : null;
  }
}
