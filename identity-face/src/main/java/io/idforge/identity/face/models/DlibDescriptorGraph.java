package io.idforge.identity.face.models;

import io.idforge.identity.face.models.OnnxGraph.Attribute;
import io.idforge.identity.face.models.OnnxGraph.Dim;
import io.idforge.identity.face.models.TfjsWeights.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * dlib's face recognition ResNet ({@code dlib_face_recognition_resnet_model_v1}) as face-api's
 * {@code FaceRecognitionNet} runs it, as an ONNX graph: convDown 7x7 'valid' stride 2, max pool 3
 * stride 2 valid, residual and residualDown blocks ({@code faceRecognitionNet/residualLayer.ts},
 * the shortcut average-pooled 2x2 and zero-padded in channels, the main branch zero-padded by one
 * row/column where the spatial sizes differ), every conv followed by dlib's affine scale layer
 * (Mul + Add), global mean and the 256 -> 128 fully connected layer (no bias). The graph starts
 * after face-api's normalisation: {@code (p - [122.782, 117.001, 104.298]) / 255}, NCHW RGB.
 */
final class DlibDescriptorGraph {

  static final String INPUT = "input";
  static final String OUTPUT = "descriptor";
  static final int INPUT_SIZE = 150;
  static final int OUTPUTS = 128;

  private final TfjsWeights weights;
  private final OnnxGraph g = new OnnxGraph("dlib_face_recognition_resnet_model_v1");

  /** The running feature map's static shape (the batch dimension stays dynamic). */
  private int channels = 3;
  private int size = INPUT_SIZE;

  private DlibDescriptorGraph(TfjsWeights weights) {
    this.weights = weights;
  }

  static OnnxGraph build(TfjsWeights weights) {
    return new DlibDescriptorGraph(weights).build();
  }

  private OnnxGraph build() {
    g.input(INPUT, Dim.dynamic("N"), Dim.of(3), Dim.of(INPUT_SIZE), Dim.of(INPUT_SIZE));
    Shaped x = new Shaped(INPUT, channels, size);
    x = convLayer(x, "conv32_down", 2, true, false);
    x = new Shaped(g.node("MaxPool", List.of(Attribute.ints("kernel_shape", 3, 3),
        Attribute.ints("strides", 2, 2)), x.name), x.channels, validSize(x.size, 3, 2));

    x = residual(x, "conv32_1");
    x = residual(x, "conv32_2");
    x = residual(x, "conv32_3");

    x = residualDown(x, "conv64_down");
    x = residual(x, "conv64_1");
    x = residual(x, "conv64_2");
    x = residual(x, "conv64_3");

    x = residualDown(x, "conv128_down");
    x = residual(x, "conv128_1");
    x = residual(x, "conv128_2");

    x = residualDown(x, "conv256_down");
    x = residual(x, "conv256_1");
    x = residual(x, "conv256_2");
    x = residualDown(x, "conv256_down_out");

    String mean = g.node("ReduceMean", List.of(Attribute.ints("axes", 2, 3), Attribute.i("keepdims", 0)), x.name);
    Tensor fc = weights.get("fc");
    String w = g.initializer("fc", fc.shape(), fc.values());
    g.node("MatMul", "fc_matmul", OUTPUT, List.of(), mean, w);
    g.output(OUTPUT, Dim.dynamic("N"), Dim.of(OUTPUTS));
    return g;
  }

  private record Shaped(String name, int channels, int size) {
  }

  private Shaped residual(Shaped x, String prefix) {
    Shaped out = convLayer(x, prefix + "/conv1", 1, true, true);
    out = convLayer(out, prefix + "/conv2", 1, false, true);
    return new Shaped(relu(add(out.name, x.name)), out.channels, out.size);
  }

  private Shaped residualDown(Shaped x, String prefix) {
    Shaped out = convLayer(x, prefix + "/conv1", 2, true, false);
    out = convLayer(out, prefix + "/conv2", 1, false, true);

    Shaped pooled = new Shaped(g.node("AveragePool", List.of(Attribute.ints("kernel_shape", 2, 2),
        Attribute.ints("strides", 2, 2)), x.name), x.channels, validSize(x.size, 2, 2));
    if (pooled.size != out.size) {
      // face-api concatenates one zero row (bottom) and one zero column (right) to the main branch.
      if (pooled.size != out.size + 1) {
        throw new IllegalStateException(prefix + ": cannot align " + out.size + " to " + pooled.size);
      }
      out = new Shaped(pad(out.name, prefix + "/pad_hw", 0, 0, 0, 0, 0, 0, 1, 1), out.channels, pooled.size);
    }
    if (pooled.channels != out.channels) {
      // ...and concatenates zeros of the pooled shape to the shortcut's channels.
      if (out.channels != 2 * pooled.channels) {
        throw new IllegalStateException(prefix + ": cannot pad " + pooled.channels + " to " + out.channels);
      }
      pooled = new Shaped(pad(pooled.name, prefix + "/pad_c", 0, 0, 0, 0, 0, pooled.channels, 0, 0),
          out.channels, pooled.size);
    }
    return new Shaped(relu(add(pooled.name, out.name)), out.channels, out.size);
  }

  /** face-api's convLayer: conv + bias, dlib's scale layer (x * weights + biases), optional relu. */
  private Shaped convLayer(Shaped x, String prefix, int stride, boolean withRelu, boolean same) {
    Tensor filters = weights.get(prefix + "/conv/filters");
    Tensor bias = weights.get(prefix + "/conv/bias");
    Tensor scaleWeights = weights.get(prefix + "/scale/weights");
    Tensor scaleBiases = weights.get(prefix + "/scale/biases");
    if (filters.dim(2) != x.channels) {
      throw new IllegalStateException(prefix + ": expects " + filters.dim(2) + " channels, has " + x.channels);
    }
    int kernel = filters.dim(0);
    int outChannels = filters.dim(3);
    String w = g.initializer(prefix + "/conv/filters", TfLayouts.oihwDims(filters), TfLayouts.hwioToOihw(filters));
    String b = g.initializer(prefix + "/conv/bias", bias.shape(), bias.values());
    // Per-channel constants broadcast over NCHW as [C, 1, 1].
    String sw = g.initializer(prefix + "/scale/weights", new int[] {outChannels, 1, 1}, scaleWeights.values());
    String sb = g.initializer(prefix + "/scale/biases", new int[] {outChannels, 1, 1}, scaleBiases.values());

    List<Attribute> attributes = new ArrayList<>(List.of(
        Attribute.ints("kernel_shape", kernel, filters.dim(1)), Attribute.ints("strides", stride, stride)));
    if (same) {
      attributes.add(Attribute.s("auto_pad", "SAME_UPPER"));
    }
    String y = g.node("Conv", attributes, x.name, w, b);
    y = g.node("Add", List.of(), g.node("Mul", List.of(), y, sw), sb);
    if (withRelu) {
      y = relu(y);
    }
    int outSize = same ? ceilDiv(x.size, stride) : validSize(x.size, kernel, stride);
    return new Shaped(y, outChannels, outSize);
  }

  private String pad(String x, String padsName, long... pads) {
    String p = g.int64Initializer(padsName, pads);
    return g.node("Pad", List.of(Attribute.s("mode", "constant")), x, p);
  }

  private String relu(String x) {
    return g.node("Relu", List.of(), x);
  }

  private String add(String a, String b) {
    return g.node("Add", List.of(), a, b);
  }

  private static int validSize(int in, int kernel, int stride) {
    return (in - kernel) / stride + 1;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
