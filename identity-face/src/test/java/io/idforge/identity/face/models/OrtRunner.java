package io.idforge.identity.face.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.idforge.identity.face.engine.NativeRuntime;
import io.idforge.identity.face.engine.TestModels;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs a one-input, one-output float model in ONNX Runtime, telemetry off. */
final class OrtRunner {

  private OrtRunner() {
  }

  /** The environment the engine uses (natives in the work dir, telemetry off before any session). */
  static OrtEnvironment environment() throws OrtException {
    return NativeRuntime.environment(TestModels.workDir());
  }

  /** Returns the single output flattened, in row-major order. */
  static float[] run(byte[] model, String input, float[] data, long... shape) throws OrtException {
    OrtEnvironment env = environment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(model, options);
          OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
          OrtSession.Result result = session.run(Map.of(input, tensor))) {
        OnnxTensor out = (OnnxTensor) result.get(0);
        FloatBuffer buffer = out.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
      }
    }
  }
}
