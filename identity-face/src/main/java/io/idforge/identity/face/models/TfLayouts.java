package io.idforge.identity.face.models;

import io.idforge.identity.face.models.TfjsWeights.Tensor;

/** Weight layout conversions from TensorFlow (NHWC world) to ONNX (NCHW world). */
final class TfLayouts {

  private TfLayouts() {
  }

  /** Conv filters: TF {@code [kh, kw, in, out]} (HWIO) to ONNX {@code [out, in, kh, kw]} (OIHW). */
  static float[] hwioToOihw(Tensor filters) {
    requireRank(filters, 4);
    int kh = filters.dim(0);
    int kw = filters.dim(1);
    int in = filters.dim(2);
    int out = filters.dim(3);
    float[] src = filters.values();
    float[] dst = new float[src.length];
    for (int h = 0; h < kh; h++) {
      for (int w = 0; w < kw; w++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            dst[((o * in + i) * kh + h) * kw + w] = src[((h * kw + w) * in + i) * out + o];
          }
        }
      }
    }
    return dst;
  }

  static int[] oihwDims(Tensor filters) {
    return new int[] {filters.dim(3), filters.dim(2), filters.dim(0), filters.dim(1)};
  }

  /**
   * Depthwise filters: TF {@code [kh, kw, C, M]} to the ONNX grouped-conv weight
   * {@code [C*M, 1, kh, kw]} (group = C; output channel c*M+m, as TF orders them).
   */
  static float[] depthwiseToOnnx(Tensor filters) {
    requireRank(filters, 4);
    int kh = filters.dim(0);
    int kw = filters.dim(1);
    int channels = filters.dim(2);
    int multiplier = filters.dim(3);
    float[] src = filters.values();
    float[] dst = new float[src.length];
    for (int h = 0; h < kh; h++) {
      for (int w = 0; w < kw; w++) {
        for (int c = 0; c < channels; c++) {
          for (int m = 0; m < multiplier; m++) {
            dst[((c * multiplier + m) * kh + h) * kw + w] = src[((h * kw + w) * channels + c) * multiplier + m];
          }
        }
      }
    }
    return dst;
  }

  static int[] depthwiseDims(Tensor filters) {
    return new int[] {filters.dim(2) * filters.dim(3), 1, filters.dim(0), filters.dim(1)};
  }

  private static void requireRank(Tensor t, int rank) {
    if (t.shape().length != rank) {
      throw new IllegalArgumentException(t.name() + ": expected rank " + rank);
    }
  }
}
