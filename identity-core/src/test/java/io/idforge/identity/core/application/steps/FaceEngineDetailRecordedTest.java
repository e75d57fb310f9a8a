package io.idforge.identity.core.application.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.core.engine.CheckResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The face step keeps what the engine measured beside the wire details, for the review page. */
class FaceEngineDetailRecordedTest {

  static final String WIRE = "{\"face_recognition_validations\":{\"similarity_status\":\"failure\",\"confidence_score\":0.61}}";

  static JsonObject read(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void aComparisonKeepsSimilarityThresholdAndTheEnginesNote() {
    FaceComparison compared = new FaceComparison(FaceComparison.Verdict.COMPARED, 0.61234,
        "distance 0.512; selfie face 180 px wide, sharpness 120; document face 95 px wide, sharpness 61");
    CheckResult.Failed out = (CheckResult.Failed) FaceStepHandler.withEngineDetail(
        new CheckResult.Failed("similarity_threshold_not_passed", WIRE, null), 0.65, compared);
    JsonObject details = read(out.details());
    assertEquals(read(WIRE).getJsonObject("face_recognition_validations"), details.getJsonObject("face_recognition_validations"),
        "the wire part is unchanged");
    JsonObject engine = details.getJsonObject("engine");
    assertEquals(0.6123, engine.getJsonNumber("similarity").doubleValue(), 1e-9);
    assertEquals(0.65, engine.getJsonNumber("threshold").doubleValue(), 1e-9);
    assertTrue(engine.getString("detail").contains("selfie face 180 px wide, sharpness 120"));
    assertEquals("similarity_threshold_not_passed", out.reason());
  }

  @Test
  void noComparisonNoSimilarityAndOtherResultsUntouched() {
    FaceComparison small = new FaceComparison(FaceComparison.Verdict.FACE_TOO_SMALL, 0, "selfie: face 40 px wide");
    CheckResult.Failed out = (CheckResult.Failed) FaceStepHandler.withEngineDetail(
        new CheckResult.Failed("no_face_detected", WIRE, "hint"), 0.65, small);
    assertFalse(read(out.details()).getJsonObject("engine").containsKey("similarity"));
    assertEquals("hint", out.hint());
    CheckResult broken = new CheckResult.Broken(null);
    assertSame(broken, FaceStepHandler.withEngineDetail(broken, 0.65, small));
  }
}
