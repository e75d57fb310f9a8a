package io.idforge.identity.core.domain.flow;

import static io.idforge.identity.core.TestData.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowDefinitionTest {

  @Test
  void storedJsonRoundTripsEveryField() {
    FlowDefinition d =
        new FlowDefinition(
            "KYC",
            false,
            45,
            List.of(
                step(StepType.PHONE_VERIFICATION),
                new FlowStep(
                    "IPS2",
                    StepType.DOCUMENT_VALIDATION,
                    new StepConfig(3, 0.65, List.of(new AllowedDocuments("CO", List.of("national-id", "passport"))), "enabled", 18)),
                new FlowStep("IPS3", StepType.FACE_RECOGNITION, new StepConfig(1, 0.8, List.of(), "default", null))));
    assertEquals(d, FlowDefinitionJson.read(FlowDefinitionJson.write(d)));
  }

  @Test
  void theFrameAncestorsAreStoredWithTheVersionAndOldVersionsAllowNone() {
    List<FlowStep> steps = List.of(step(StepType.EMAIL_VERIFICATION));
    FlowDefinition d = new FlowDefinition("embedded", true, 30, steps, null, null, null, null, null,
        List.of("https://shop.example.com", "http://localhost:3000"));
    FlowDefinition read = FlowDefinitionJson.read(FlowDefinitionJson.write(d));
    assertEquals(d, read);
    assertEquals(List.of("https://shop.example.com", "http://localhost:3000"), read.allowedFrameAncestors());
    assertTrue(read.embeddable());
    // A version written before the field existed has no "allowed_frame_ancestors" member.
    String legacy = FlowDefinitionJson.write(new FlowDefinition("old", true, 30, steps));
    assertFalse(legacy.contains("allowed_frame_ancestors"), legacy);
    assertEquals(List.of(), FlowDefinitionJson.read(legacy).allowedFrameAncestors());
    assertFalse(FlowDefinitionJson.read(legacy).embeddable());
  }

  @Test
  void aFrameAncestorThatCouldBendTheHeaderIsRefusedEvenPastTheWireChecks() {
    List<FlowStep> steps = List.of(step(StepType.EMAIL_VERIFICATION));
    for (String bad : List.of("https://a.example.com; script-src *", "https://a.example.com https://b.test", "*",
        "http://shop.example.com", "https://A.example.com", "'self'")) {
      assertThrows(IllegalArgumentException.class,
          () -> new FlowDefinition("f", true, 30, steps, null, null, null, null, null, List.of(bad)), bad);
    }
  }

  @Test
  void timeToLiveIsBoundedLikeTruoras() {
    List<FlowStep> steps = List.of(step(StepType.EMAIL_VERIFICATION));
    assertEquals(1, new FlowDefinition("f", true, 1, steps).timeToLiveMinutes());
    assertEquals(1440, new FlowDefinition("f", true, 1440, steps).timeToLiveMinutes());
    assertThrows(IllegalArgumentException.class, () -> new FlowDefinition("f", true, 0, steps));
    assertThrows(IllegalArgumentException.class, () -> new FlowDefinition("f", true, 1441, steps));
  }

  @Test
  void aFlowNeedsStepsAndRunsEachValidatorOnce() {
    assertThrows(IllegalArgumentException.class, () -> new FlowDefinition("f", true, 120, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FlowDefinition("f", true, 120, List.of(step(StepType.FACE_RECOGNITION), step(StepType.FACE_RECOGNITION))));
  }

  @Test
  void stepConfigDefaultsAndBounds() {
    StepConfig d = StepConfig.defaults();
    assertEquals(2, d.allowedRetries());
    assertEquals(0.65, d.faceThreshold());
    assertThrows(IllegalArgumentException.class, () -> new StepConfig(5, 0.65, null, null, null));
    assertThrows(IllegalArgumentException.class, () -> new StepConfig(2, 1.01, null, null, null));
  }

  @Test
  void aNewVersionIsNumberedOneHigher() {
    Flow flow = new Flow("TCI1", new FlowDefinition("f", true, 120, List.of(step(StepType.EMAIL_VERIFICATION))), io.idforge.identity.core.TestData.now());
    assertEquals(1, flow.flowVersion());
    assertEquals(2, flow.apply(new FlowDefinition("g", false, 30, List.of(step(StepType.PHONE_VERIFICATION))), io.idforge.identity.core.TestData.now()));
    assertEquals("g", flow.name());
    assertEquals(30, flow.timeToLive());
  }
}
