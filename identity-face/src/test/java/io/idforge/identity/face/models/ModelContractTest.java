package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tensor names and shapes the engine relies on (docs/face-models.md, the face contract). */
class ModelContractTest {

  @Test
  void landmarkModel() throws Exception {
    assertSignature(ModelBuilder.LANDMARKS, Map.of("input", new long[] {-1, 3, 112, 112}),
        Map.of("landmarks", new long[] {-1, 136}));
  }

  @Test
  void descriptorModel() throws Exception {
    assertSignature(ModelBuilder.DESCRIPTOR, Map.of("input", new long[] {-1, 3, 150, 150}),
        Map.of("descriptor", new long[] {-1, 128}));
  }

  @Test
  void detectorModel() throws Exception {
    assertSignature(ModelBuilder.DETECTOR, Map.of("input", new long[] {1, 3, 240, 320}),
        Map.of("scores", new long[] {1, 4420, 2}, "boxes", new long[] {1, 4420, 4}));
  }

  private static void assertSignature(String model, Map<String, long[]> inputs, Map<String, long[]> outputs)
      throws Exception {
    OrtEnvironment env = OrtRunner.environment();
    try (OrtSession session = env.createSession(BuiltModels.dir().resolve(model).toString())) {
      assertShapes(model, inputs, session.getInputInfo());
      assertShapes(model, outputs, session.getOutputInfo());
    }
  }

  private static void assertShapes(String model, Map<String, long[]> expected, Map<String, NodeInfo> actual) {
    assertEquals(expected.keySet(), actual.keySet(), model);
    expected.forEach((name, shape) -> {
      TensorInfo info = (TensorInfo) actual.get(name).getInfo();
      assertEquals(OnnxJavaType.FLOAT, info.type, model + " " + name);
      assertArrayEquals(shape, info.getShape(), model + " " + name);
    });
  }
}
