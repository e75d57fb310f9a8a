package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.face.models.OnnxGraph.Attribute;
import io.idforge.identity.face.models.OnnxGraph.Dim;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tiny graphs written by our protobuf writer load in ONNX Runtime and compute the expected numbers. */
class OnnxGraphTest {

  @Test
  void varintsAndFieldsUseTheProtobufWireFormat() {
    byte[] bytes = new ProtoWriter().varint(1, 300).varint(2, -1).fixed32Float(3, 1.0f).string(4, "hi")
        .toByteArray();
    assertEquals("08ac02" + "10ffffffffffffffffff01" + "1d0000803f" + "22026869",
        HexFormat.of().formatHex(bytes));
  }

  @Test
  void addWithABroadcastInitializerAndDynamicBatch() throws Exception {
    OnnxGraph g = new OnnxGraph("add");
    g.input("x", Dim.dynamic("N"), Dim.of(3));
    String c = g.initializer("c", new int[] {3}, new float[] {1f, -2f, 0.5f});
    g.node("Add", "add", "y", List.of(), "x", c);
    g.output("y", Dim.dynamic("N"), Dim.of(3));

    float[] y = OrtRunner.run(g.toModel("test", "1", Map.of()), "x",
        new float[] {1f, 2f, 3f, 10f, 20f, 30f}, 2, 3);

    assertArrayEquals(new float[] {2f, 0f, 3.5f, 11f, 18f, 30.5f}, y);
  }

  @Test
  void convWithBiasStrideAndTfSamePadding() throws Exception {
    // 1x1x4x4 input 0..15, one 2x2 filter of ones, bias 0.5, stride 2, SAME_UPPER (TF 'same':
    // no padding needed for 4/2) -> sums of the four 2x2 quadrants.
    OnnxGraph g = new OnnxGraph("conv");
    g.input("x", Dim.dynamic("N"), Dim.of(1), Dim.of(4), Dim.of(4));
    String w = g.initializer("w", new int[] {1, 1, 2, 2}, new float[] {1f, 1f, 1f, 1f});
    String b = g.initializer("b", new int[] {1}, new float[] {0.5f});
    g.node("Conv", "conv", "y", List.of(Attribute.ints("kernel_shape", 2, 2), Attribute.ints("strides", 2, 2),
        Attribute.s("auto_pad", "SAME_UPPER"), Attribute.i("group", 1)), "x", w, b);
    g.output("y", Dim.dynamic("N"), Dim.of(1), Dim.of(2), Dim.of(2));

    float[] x = new float[16];
    for (int i = 0; i < 16; i++) {
      x[i] = i;
    }
    float[] y = OrtRunner.run(g.toModel("test", "1", Map.of("k", "v")), "x", x, 1, 1, 4, 4);

    assertArrayEquals(new float[] {0 + 1 + 4 + 5 + 0.5f, 2 + 3 + 6 + 7 + 0.5f,
        8 + 9 + 12 + 13 + 0.5f, 10 + 11 + 14 + 15 + 0.5f}, y);
  }

  @Test
  void samePaddingPutsTheOddPixelAtTheEndLikeTensorFlow() throws Exception {
    // 1x1x1x4 row [1,2,3,4], kernel 1x3 of ones, stride 2: TF 'same' pads 0 before, 1 after,
    // giving [1+2+3, 3+4+0]; SAME_LOWER would give [0+1+2, 2+3+4].
    OnnxGraph g = new OnnxGraph("same");
    g.input("x", Dim.of(1), Dim.of(1), Dim.of(1), Dim.of(4));
    String w = g.initializer("w", new int[] {1, 1, 1, 3}, new float[] {1f, 1f, 1f});
    g.node("Conv", "conv", "y", List.of(Attribute.ints("kernel_shape", 1, 3), Attribute.ints("strides", 1, 2),
        Attribute.s("auto_pad", "SAME_UPPER")), "x", w);
    g.output("y", Dim.of(1), Dim.of(1), Dim.of(1), Dim.of(2));

    float[] y = OrtRunner.run(g.toModel("test", "1", Map.of()), "x", new float[] {1, 2, 3, 4}, 1, 1, 1, 4);

    assertArrayEquals(new float[] {6f, 7f}, y);
  }

  @Test
  void depthwiseConvPadWithInt64PadsAndReduceMean() throws Exception {
    // Two channels, depthwise 1x1 filters (x2, x10), zero-pad two more channels, mean over H, W.
    OnnxGraph g = new OnnxGraph("mixed");
    g.input("x", Dim.dynamic("N"), Dim.of(2), Dim.of(1), Dim.of(2));
    String w = g.initializer("w", new int[] {2, 1, 1, 1}, new float[] {2f, 10f});
    String y = g.node("Conv", List.of(Attribute.ints("kernel_shape", 1, 1), Attribute.i("group", 2)), "x", w);
    String pads = g.int64Initializer("pads", 0, 0, 0, 0, 0, 2, 0, 0);
    String padded = g.node("Pad", List.of(Attribute.s("mode", "constant")), y, pads);
    g.node("ReduceMean", "mean", "m", List.of(Attribute.ints("axes", 2, 3), Attribute.i("keepdims", 0)), padded);
    g.output("m", Dim.dynamic("N"), Dim.of(4));

    float[] m = OrtRunner.run(g.toModel("test", "1", Map.of()), "x", new float[] {1, 3, 5, 7}, 1, 2, 1, 2);

    assertArrayEquals(new float[] {(2 + 6) / 2f, (50 + 70) / 2f, 0f, 0f}, m);
  }
}
