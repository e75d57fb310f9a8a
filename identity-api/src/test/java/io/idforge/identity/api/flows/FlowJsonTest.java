package io.idforge.identity.api.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.idforge.identity.api.JsonSupport;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowJsonTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2024-05-02T10:15:30.123Z");

  static FlowResponse sample() {
    return new FlowResponse(
        "IPF7e6d5c4b3a29180f7e6d5c4b3a291801",
        "KYC Colombia",
        3,
        120,
        "enabled",
        List.of(
            new FlowStepResponse(
                "IPS0123456789abcdef0123456789abcdef",
                "document-validation",
                new StepConfigResponse(
                    2,
                    null,
                    List.of(new AllowedDocumentTypes("CO", List.of("national-id"))),
                    "default",
                    null,
                    null,
                    null,
                    null,
                    null)),
            new FlowStepResponse(
                "IPSfedcba9876543210fedcba9876543210",
                "face-recognition",
                new StepConfigResponse(2, 0.65, null, "default", null, null, null, null, null))),
        T,
        T.plusMinutes(5),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void flowResponseUsesWireNamesInOrder() {
    FlowResponse f = sample();
    String json = JsonSupport.toJson(f);
    JsonObject o = JsonSupport.object(json);
    assertEquals(
        List.of(
            "flow_id",
            "name",
            "flow_version",
            "time_to_live",
            "status",
            "steps",
            "creation_date",
            "update_date"),
        JsonSupport.keys(o));
    JsonObject doc = o.getJsonArray("steps").getJsonObject(0);
    assertEquals(List.of("step_id", "type", "config"), JsonSupport.keys(doc));
    JsonObject docConfig = doc.getJsonObject("config");
    assertEquals(
        List.of("allowed_retries", "allowed_document_types", "manual_review"),
        JsonSupport.keys(docConfig));
    assertFalse(docConfig.containsKey("face_threshold"));
    assertEquals(
        List.of("country", "document_types"),
        JsonSupport.keys(docConfig.getJsonArray("allowed_document_types").getJsonObject(0)));
    assertEquals(
        List.of("allowed_retries", "face_threshold", "manual_review"),
        JsonSupport.keys(o.getJsonArray("steps").getJsonObject(1).getJsonObject("config")));
    assertEquals(3, o.getInt("flow_version"));
    assertEquals("2024-05-02T10:15:30.123Z", o.getString("creation_date"));
    assertEquals(f, JsonSupport.fromJson(json, FlowResponse.class));
  }

  @Test
  void flowListRoundTrips() {
    FlowListResponse list =
        new FlowListResponse(List.of(sample()), "/v1/flows?start_key=abc", "/v1/flows");
    String json = JsonSupport.toJson(list);
    assertEquals(List.of("flows", "next", "self"), JsonSupport.keysOf(list));
    assertEquals(list, JsonSupport.fromJson(json, FlowListResponse.class));
    assertEquals(List.of("flows"), JsonSupport.keysOf(new FlowListResponse(List.of(), null, null)));
  }
}
