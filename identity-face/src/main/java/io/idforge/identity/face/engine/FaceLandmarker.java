package io.idforge.identity.face.engine;

import ai.onnxruntime.OrtException;

/**
 * face-api.js's 68-point landmark net: the detection box cropped, padded with black to a centred
 * square, resized to 112×112, RGB {@code (p - mean) / 255}; the output is 68 x, y pairs as
 * fractions of that square, returned here in picture pixels.
 */
final class FaceLandmarker {

  static final int SIZE = 112;
  static final Sampler.Normalisation NORM =
      new Sampler.Normalisation(new float[] {122.782f, 117.001f, 104.298f}, 1f / 255f);

  private final OnnxModel model;

  FaceLandmarker(OnnxModel model) {
    this.model = model;
  }

  /** 136 values, x0, y0, x1, y1, ... in picture pixels. */
  double[] landmarks(RgbImage image, FaceBox box) throws OrtException {
    double side = Math.max(box.width(), box.height());
    double x0 = (box.x1() + box.x2()) / 2 - side / 2;
    double y0 = (box.y1() + box.y2()) / 2 - side / 2;
    float[] input = Sampler.sample(image, Affine.stretch(x0, y0, side, side, SIZE, SIZE),
        SIZE, SIZE, new Sampler.Clip(box.x1(), box.y1(), box.x2(), box.y2()), NORM);
    float[] out = model.run(input, new long[] {1, 3, SIZE, SIZE}, "landmarks")[0];
    double[] points = new double[out.length];
    for (int i = 0; i < out.length; i += 2) {
      points[i] = x0 + out[i] * side;
      points[i + 1] = y0 + out[i + 1] * side;
    }
    return points;
  }
}
