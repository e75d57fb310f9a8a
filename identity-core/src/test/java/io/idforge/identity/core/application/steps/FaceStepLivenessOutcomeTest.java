package io.idforge.identity.core.application.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.idforge.identity.api.spi.LivenessAction;
import io.idforge.identity.api.spi.LivenessReport;
import io.idforge.identity.core.domain.flow.LivenessConfig;
import io.idforge.identity.core.engine.CheckResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Asked actions not seen by one unchanged face are inconclusive: the step's liveness fallback
 * decides (a person reviews the frames, or the step declines), as for a missing recording.
 */
class FaceStepLivenessOutcomeTest {

  static final FaceStepHandler.Liveness MISSED = new FaceStepHandler.Liveness("failure", List.of(
      new LivenessReport.ActionResult(LivenessAction.LOOK_LEFT, true),
      new LivenessReport.ActionResult(LivenessAction.OPEN_MOUTH, false)));

  static JsonObject faceDetails(String json) {
    return Json.createReader(new StringReader(json)).readObject().getJsonObject("face_recognition_validations");
  }

  @Test
  void withTheReviewFallbackAPersonLooksAtTheFrames() {
    CheckResult.Undecided out = assertInstanceOf(CheckResult.Undecided.class,
        FaceStepHandler.actionsNotSeen(LivenessConfig.FALLBACK_REVIEW, MISSED));
    assertEquals("liveness_verification_not_passed", out.reason());
    JsonObject details = faceDetails(out.details());
    assertEquals("failure", details.getString("liveness_status"));
    assertEquals("pending", details.getString("similarity_status"));
  }

  @Test
  void withTheDeclineFallbackTheStepDeclines() {
    CheckResult.Failed out = assertInstanceOf(CheckResult.Failed.class,
        FaceStepHandler.actionsNotSeen(LivenessConfig.FALLBACK_DECLINE, MISSED));
    assertEquals("liveness_verification_not_passed", out.reason());
    assertEquals("failure", faceDetails(out.details()).getString("liveness_status"));
  }
}
