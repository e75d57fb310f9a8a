package io.idforge.identity.core.domain.flow;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage form of a {@link FlowDefinition}: explicit JSON-P, so the stored shape is ours to
 * version and does not move with a JSON-B implementation's defaults.
 */
final class FlowDefinitionJson {

  private FlowDefinitionJson() {}

  static String write(FlowDefinition d) {
    JsonArrayBuilder steps = JSON.createArrayBuilder();
    for (FlowStep s : d.steps()) {
      StepConfig c = s.config();
      JsonArrayBuilder allowed = JSON.createArrayBuilder();
      for (AllowedDocuments a : c.allowedDocuments()) {
        allowed.add(
            JSON.createObjectBuilder()
                .add("country", a.country())
                .add("document_types", JSON.createArrayBuilder(a.documentTypes())));
      }
      JsonObjectBuilder config =
          JSON.createObjectBuilder()
              .add("allowed_retries", c.allowedRetries())
              .add("face_threshold", c.faceThreshold())
              .add("allowed_document_types", allowed)
              .add("manual_review", c.manualReview())
              .add("timeout", c.timeoutSeconds())
              .add("manual_review_timeout", c.reviewTimeoutSeconds());
      if (c.minimumAge() != null) {
        config.add("minimum_age", c.minimumAge());
      }
      if (c.liveness().active()) {
        config.add("liveness_type", c.liveness().type()).add("liveness_fallback", c.liveness().fallback());
      }
      steps.add(
          JSON.createObjectBuilder()
              .add("step_id", s.stepId())
              .add("type", s.type().wireValue())
              .add("config", config));
    }
    JsonObjectBuilder flow = JSON.createObjectBuilder()
        .add("name", d.name())
        .add("enabled", d.enabled())
        .add("time_to_live", d.timeToLiveMinutes())
        .add("steps", steps);
    if (d.privacyNoticeUrl() != null) {
      flow.add("privacy_notice_url", d.privacyNoticeUrl());
    }
    if (d.displayName() != null) {
      flow.add("display_name", d.displayName());
    }
    if (d.logoUrl() != null) {
      flow.add("logo_url", d.logoUrl());
    }
    if (d.primaryColor() != null) {
      flow.add("primary_color", d.primaryColor());
    }
    if (d.supportContact() != null) {
      flow.add("support_contact", d.supportContact());
    }
    if (d.embeddable()) {
      flow.add("allowed_frame_ancestors", JSON.createArrayBuilder(d.allowedFrameAncestors()));
    }
    return flow.build().toString();
  }

  static FlowDefinition read(String json) {
    JsonObject o;
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      o = reader.readObject();
    }
    List<FlowStep> steps = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("steps")) {
      JsonObject s = v.asJsonObject();
      JsonObject c = s.getJsonObject("config");
      List<AllowedDocuments> allowed = new ArrayList<>();
      for (JsonValue a : c.getJsonArray("allowed_document_types")) {
        JsonObject ao = a.asJsonObject();
        allowed.add(
            new AllowedDocuments(
                ao.getString("country"),
                ao.getJsonArray("document_types").getValuesAs(JsonString::getString)));
      }
      JsonNumber minimumAge = c.getJsonNumber("minimum_age");
      steps.add(
          new FlowStep(
              s.getString("step_id"),
              StepType.fromWire(s.getString("type")).orElseThrow(),
              new StepConfig(
                  c.getInt("allowed_retries"),
                  c.getJsonNumber("face_threshold").doubleValue(),
                  allowed,
                  c.getString("manual_review"),
                  minimumAge == null ? null : minimumAge.intValue(),
                  // Versions stored before timeouts were configurable take the defaults.
                  c.getInt("timeout", StepConfig.DEFAULT_TIMEOUT_SECONDS),
                  c.getInt("manual_review_timeout", StepConfig.DEFAULT_REVIEW_TIMEOUT_SECONDS),
                  // Versions stored before liveness existed have none.
                  new LivenessConfig("active".equals(c.getString("liveness_type", "none")),
                      c.getString("liveness_fallback", null)))));
    }
    return new FlowDefinition(
        o.getString("name"), o.getBoolean("enabled"), o.getInt("time_to_live"), steps,
        o.getString("privacy_notice_url", null), o.getString("display_name", null), o.getString("logo_url", null),
        o.getString("primary_color", null), o.getString("support_contact", null),
        // Versions stored before embedding existed allow no frame ancestor.
        o.containsKey("allowed_frame_ancestors")
            ? o.getJsonArray("allowed_frame_ancestors").getValuesAs(JsonString::getString)
            : List.of());
  }
}
