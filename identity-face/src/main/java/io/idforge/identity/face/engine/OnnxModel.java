package io.idforge.identity.face.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * One ONNX session with a single float input. ORT sessions are safe to run from several threads at
 * once, so one instance serves every request thread.
 */
final class OnnxModel implements AutoCloseable {

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String input;

  OnnxModel(OrtEnvironment env, byte[] model, int threads) throws OrtException {
    this.env = env;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // Parallelism comes from request threads; more intra-op threads barely helped one request.
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      this.session = env.createSession(model, options);
    }
    this.input = session.getInputNames().iterator().next();
  }

  /** Runs the model on {@code data} shaped {@code shape}; returns each named output's floats. */
  float[][] run(float[] data, long[] shape, String... outputs) throws OrtException {
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      float[][] values = new float[outputs.length][];
      for (int i = 0; i < outputs.length; i++) {
        OnnxValue value = result.get(outputs[i]).orElse(null);
        if (value == null) {
          // Fall back to position when a converter named the outputs differently.
          value = result.get(i);
        }
        FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
        values[i] = new float[buffer.remaining()];
        buffer.get(values[i]);
      }
      return values;
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
