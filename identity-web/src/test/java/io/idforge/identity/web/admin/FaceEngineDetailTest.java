package io.idforge.identity.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaceEngineDetailTest {

  @Test
  void readsSimilarityThresholdAndEachFace() {
    FaceEngineDetail d = FaceEngineDetail.of("{\"face_recognition_validations\":{\"similarity_status\":\"failure\","
        + "\"confidence_score\":0.61},\"engine\":{\"threshold\":0.65,\"detail\":\"distance 0.512; selfie face 180 px wide,"
        + " sharpness 120; document face 95 px wide, sharpness 61\",\"similarity\":0.61}}").orElseThrow();
    assertEquals(0.61, d.similarity());
    assertEquals(0.65, d.threshold());
    assertEquals(List.of(new FaceEngineDetail.Face("selfie", 180, 120), new FaceEngineDetail.Face("document", 95, 61)), d.faces());
    assertFalse(d.isPassed());
  }

  @Test
  void aFaceTooSmallKeepsTheNoteAndHasNoSimilarity() {
    FaceEngineDetail d = FaceEngineDetail.of("{\"engine\":{\"threshold\":0.7,\"detail\":\"selfie: face 40 px wide, below 80\"}}")
        .orElseThrow();
    assertNull(d.similarity());
    assertTrue(d.faces().isEmpty());
    assertEquals("selfie: face 40 px wide, below 80", d.note());
  }

  @Test
  void theWireDetailsLeaveTheEngineOut() throws Exception {
    // ProcessMapper reads stored details into the API's ValidationDetails, which has no engine member.
    try (jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create()) {
      String wire = jsonb.toJson(jsonb.fromJson("{\"face_recognition_validations\":{\"similarity_status\":\"success\","
          + "\"confidence_score\":0.9},\"engine\":{\"threshold\":0.65,\"detail\":\"distance 0.2\",\"similarity\":0.9}}",
          io.idforge.identity.api.processes.ValidationDetails.class));
      assertTrue(wire.contains("\"confidence_score\":0.9"), wire);
      assertFalse(wire.contains("engine") || wire.contains("distance"), wire);
    }
  }

  @Test
  void detailsWithoutTheEngineOrBrokenJsonGiveNothing() {
    assertTrue(FaceEngineDetail.of("{\"face_recognition_validations\":{}}").isEmpty());
    assertTrue(FaceEngineDetail.of("not json").isEmpty());
    assertTrue(FaceEngineDetail.of(null).isEmpty());
  }
}
