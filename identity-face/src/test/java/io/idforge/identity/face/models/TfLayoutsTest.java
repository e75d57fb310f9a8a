package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TfLayoutsTest {

  @Test
  void hwioBecomesOihw() {
    // Value encodes its TF position h*1000 + w*100 + i*10 + o for a [2,3,2,4] filter.
    int kh = 2;
    int kw = 3;
    int in = 2;
    int out = 4;
    float[] values = new float[kh * kw * in * out];
    for (int h = 0; h < kh; h++) {
      for (int w = 0; w < kw; w++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            values[((h * kw + w) * in + i) * out + o] = h * 1000 + w * 100 + i * 10 + o;
          }
        }
      }
    }
    TfjsWeights.Tensor filters = new TfjsWeights.Tensor("f", new int[] {kh, kw, in, out}, values);

    float[] onnx = TfLayouts.hwioToOihw(filters);

    assertArrayEquals(new int[] {4, 2, 2, 3}, TfLayouts.oihwDims(filters));
    assertEquals(1000 + 200 + 10 + 3, onnx[((3 * in + 1) * kh + 1) * kw + 2]); // [o=3, i=1, h=1, w=2]
    assertEquals(0, onnx[0]);
    assertEquals(100 + 2, onnx[((2 * in) * kh) * kw + 1]); // [o=2, i=0, h=0, w=1]
  }

  @Test
  void depthwiseBecomesGroupedConvWeight() {
    // [kh=1, kw=2, C=3, 1]: value c*10 + w.
    float[] values = {0, 10, 20, 1, 11, 21};
    TfjsWeights.Tensor filters = new TfjsWeights.Tensor("d", new int[] {1, 2, 3, 1}, values);

    assertArrayEquals(new int[] {3, 1, 1, 2}, TfLayouts.depthwiseDims(filters));
    assertArrayEquals(new float[] {0, 1, 10, 11, 20, 21}, TfLayouts.depthwiseToOnnx(filters));
  }
}
