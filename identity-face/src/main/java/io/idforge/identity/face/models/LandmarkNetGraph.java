package io.idforge.identity.face.models;

import io.idforge.identity.face.models.OnnxGraph.Attribute;
import io.idforge.identity.face.models.OnnxGraph.Dim;
import io.idforge.identity.face.models.TfjsWeights.Tensor;
import java.util.List;

/**
 * face-api's 68-point landmark net ({@code FaceLandmark68Net}) as an ONNX graph, node for node:
 * four dense blocks ({@code faceFeatureExtractor/denseBlock.ts}; the first block's first conv is a
 * plain conv, all others depthwise-separable as in {@code common/depthwiseSeparableConv.ts}),
 * average pool 7x7 stride 2 valid, flatten, and the fully connected layer 256 -> 136
 * ({@code faceProcessor}). The graph starts after face-api's normalisation: the caller feeds
 * {@code (p - [122.782, 117.001, 104.298]) / 255}, NCHW RGB.
 */
final class LandmarkNetGraph {

  static final String INPUT = "input";
  static final String OUTPUT = "landmarks";
  static final int INPUT_SIZE = 112;
  static final int OUTPUTS = 136;

  private final TfjsWeights weights;
  private final OnnxGraph g = new OnnxGraph("face_landmark_68");

  private LandmarkNetGraph(TfjsWeights weights) {
    this.weights = weights;
  }

  static OnnxGraph build(TfjsWeights weights) {
    return new LandmarkNetGraph(weights).build();
  }

  private OnnxGraph build() {
    g.input(INPUT, Dim.dynamic("N"), Dim.of(3), Dim.of(INPUT_SIZE), Dim.of(INPUT_SIZE));
    String x = INPUT;
    for (int block = 0; block < 4; block++) {
      x = denseBlock4(x, "dense" + block, block == 0);
    }
    x = g.node("AveragePool", List.of(Attribute.ints("kernel_shape", 7, 7),
        Attribute.ints("strides", 2, 2)), x);
    x = g.node("Flatten", List.of(Attribute.i("axis", 1)), x);
    Tensor fcWeights = weights.get("fc/weights");
    Tensor fcBias = weights.get("fc/bias");
    String w = g.initializer("fc/weights", fcWeights.shape(), fcWeights.values());
    String b = g.initializer("fc/bias", fcBias.shape(), fcBias.values());
    x = g.node("MatMul", List.of(), x, w);
    g.node("Add", "fc_add", OUTPUT, List.of(), x, b);
    g.output(OUTPUT, Dim.dynamic("N"), Dim.of(OUTPUTS));
    return g;
  }

  /** denseBlock4 with isScaleDown = true: the first conv has stride 2. */
  private String denseBlock4(String x, String prefix, boolean isFirstLayer) {
    String out1 = relu(isFirstLayer
        ? conv(x, prefix + "/conv0", 2)
        : separableConv(x, prefix + "/conv0", 2));
    String out2 = separableConv(out1, prefix + "/conv1", 1);
    String in3 = relu(add(out1, out2));
    String out3 = separableConv(in3, prefix + "/conv2", 1);
    String in4 = relu(add(out1, add(out2, out3)));
    String out4 = separableConv(in4, prefix + "/conv3", 1);
    // Same association as face-api: out1 + (out2 + (out3 + out4)).
    return relu(add(out1, add(out2, add(out3, out4))));
  }

  /** tf.conv2d(x, filters, stride, 'same') + bias. */
  private String conv(String x, String prefix, int stride) {
    Tensor filters = weights.get(prefix + "/filters");
    Tensor bias = weights.get(prefix + "/bias");
    String w = g.initializer(prefix + "/filters", TfLayouts.oihwDims(filters), TfLayouts.hwioToOihw(filters));
    String b = g.initializer(prefix + "/bias", bias.shape(), bias.values());
    return g.node("Conv", sameConv(filters.dim(0), filters.dim(1), stride, 1), x, w, b);
  }

  /**
   * tf.separableConv2d(x, depthwise, pointwise, stride, 'same') + bias: the stride applies to
   * the depthwise conv; the pointwise 1x1 conv carries the bias.
   */
  private String separableConv(String x, String prefix, int stride) {
    Tensor depthwise = weights.get(prefix + "/depthwise_filter");
    Tensor pointwise = weights.get(prefix + "/pointwise_filter");
    Tensor bias = weights.get(prefix + "/bias");
    String dw = g.initializer(prefix + "/depthwise_filter", TfLayouts.depthwiseDims(depthwise),
        TfLayouts.depthwiseToOnnx(depthwise));
    String pw = g.initializer(prefix + "/pointwise_filter", TfLayouts.oihwDims(pointwise),
        TfLayouts.hwioToOihw(pointwise));
    String b = g.initializer(prefix + "/bias", bias.shape(), bias.values());
    String y = g.node("Conv", sameConv(depthwise.dim(0), depthwise.dim(1), stride, depthwise.dim(2)), x, dw);
    return g.node("Conv", sameConv(1, 1, 1, 1), y, pw, b);
  }

  /** TF 'same' puts the odd padding pixel at the end: ONNX SAME_UPPER. */
  private static List<Attribute> sameConv(int kh, int kw, int stride, int group) {
    return List.of(Attribute.ints("kernel_shape", kh, kw), Attribute.ints("strides", stride, stride),
        Attribute.s("auto_pad", "SAME_UPPER"), Attribute.i("group", group));
  }

  private String relu(String x) {
    return g.node("Relu", List.of(), x);
  }

  private String add(String a, String b) {
    return g.node("Add", List.of(), a, b);
  }
}
