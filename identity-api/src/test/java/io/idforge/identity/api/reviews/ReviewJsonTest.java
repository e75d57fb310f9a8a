package io.idforge.identity.api.reviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.idforge.identity.api.JsonSupport;
import io.idforge.identity.api.processes.ProcessEventListResponse;
import io.idforge.identity.api.processes.ProcessEventResponse;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewJsonTest {

  private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-12-05T10:15:30Z");

  @Test
  void anOpenReviewUsesWireNamesAndOmitsWhatIsNotDecided() {
    ReviewResponse open =
        new ReviewResponse(
            "REV0123456789abcdef0123456789abcdef", "IDP0123456789abcdef0123456789abcdef",
            "VLD0123456789abcdef0123456789abcdef", "document-validation", "age_above_threshold", "open", null, null,
            null, null, null, null, CREATED, CREATED.plusHours(6), null);
    String json = JsonSupport.toJson(new ReviewListResponse(List.of(open), null, "/v1/reviews?status=open"));
    JsonObject o = JsonSupport.object(json);
    assertEquals(List.of("reviews", "self"), JsonSupport.keys(o));
    JsonObject r = o.getJsonArray("reviews").getJsonObject(0);
    assertEquals(
        List.of("review_id", "process_id", "validation_id", "validation_type", "reason", "status", "creation_date", "due_date"),
        JsonSupport.keys(r));
    assertEquals("2026-12-05T16:15:30Z", r.getString("due_date"));
    assertEquals(open, JsonSupport.fromJson(JsonSupport.toJson(open), ReviewResponse.class));
  }

  @Test
  void aDeclinedReviewCarriesTheDecision() {
    ReviewResponse declined =
        new ReviewResponse(
            "REV0123456789abcdef0123456789abcdef", "IDP0123456789abcdef0123456789abcdef",
            "VLD0123456789abcdef0123456789abcdef", "face-recognition", "face_matching_off", "decided", "ana",
            CREATED.plusMinutes(1), "declined", "similarity_threshold_not_passed", "ana", "not the same person", CREATED,
            CREATED.plusHours(6), CREATED.plusMinutes(2));
    JsonObject r = JsonSupport.object(JsonSupport.toJson(declined));
    assertEquals("declined", r.getString("decision"));
    assertEquals("similarity_threshold_not_passed", r.getString("declined_reason"));
    assertEquals("2026-12-05T10:16:30Z", r.getString("claim_date"));
    assertEquals(declined, JsonSupport.fromJson(JsonSupport.toJson(declined), ReviewResponse.class));
  }

  @Test
  void anEventCarriesItsObjectAsJsonNotAsAString() {
    JsonObject snapshot = JsonSupport.object("{\"process_id\":\"IDPx\",\"status\":\"failure\",\"override_status\":\"success\"}");
    ProcessEventResponse e =
        new ProcessEventResponse("HKE1", "digital_identity.identity_process", "overwritten_success", "operator:ops-1",
            null, snapshot, CREATED);
    String json = JsonSupport.toJson(new ProcessEventListResponse("IDPx", List.of(e)));
    JsonObject event = JsonSupport.object(json).getJsonArray("events").getJsonObject(0);
    assertEquals(
        List.of("event_id", "event_type", "event_action", "actor", "object", "timestamp"), JsonSupport.keys(event));
    assertEquals("success", event.getJsonObject("object").getString("override_status"));
    assertFalse(json.contains("\\\""), "the snapshot is not an escaped string");
  }
}
