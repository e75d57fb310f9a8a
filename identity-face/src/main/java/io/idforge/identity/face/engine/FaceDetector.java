package io.idforge.identity.face.engine;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ultra-Light-Fast-Generic-Face-Detector, version RFB-320: the whole picture stretched (not
 * letterboxed) to 320×240, RGB, {@code (p - 127) / 128}; outputs {@code scores} [1, 4420, 2] (index
 * 1 = face) and {@code boxes} [1, 4420, 4], already decoded to normalised x1, y1, x2, y2. Then a
 * score threshold and greedy non-maximum suppression at IoU 0.4, as upstream does.
 */
final class FaceDetector {

  static final int WIDTH = 320;
  static final int HEIGHT = 240;
  static final double NMS_IOU = 0.4;
  private static final Sampler.Normalisation NORM =
      new Sampler.Normalisation(new float[] {127f, 127f, 127f}, 1f / 128f);

  private final OnnxModel model;
  private final double threshold;

  FaceDetector(OnnxModel model, double threshold) {
    this.model = model;
    this.threshold = threshold;
  }

  /** The faces in {@code image}, best score first. */
  List<FaceBox> detect(RgbImage image) throws OrtException {
    float[] input = Sampler.sample(image,
        Affine.stretch(0, 0, image.width(), image.height(), WIDTH, HEIGHT),
        WIDTH, HEIGHT, Sampler.Clip.NONE, NORM);
    float[][] out = model.run(input, new long[] {1, 3, HEIGHT, WIDTH}, "scores", "boxes");
    float[] scores = out[0];
    float[] boxes = out[1];
    int anchors = scores.length / 2;
    List<FaceBox> candidates = new ArrayList<>();
    double w = image.width();
    double h = image.height();
    for (int i = 0; i < anchors; i++) {
      float score = scores[2 * i + 1];
      if (score >= threshold) {
        int b = 4 * i;
        candidates.add(new FaceBox(
            clamp01(boxes[b]) * w, clamp01(boxes[b + 1]) * h,
            clamp01(boxes[b + 2]) * w, clamp01(boxes[b + 3]) * h, score));
      }
    }
    return suppress(candidates);
  }

  static List<FaceBox> suppress(List<FaceBox> candidates) {
    List<FaceBox> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingDouble(FaceBox::score).reversed());
    List<FaceBox> kept = new ArrayList<>();
    for (FaceBox box : sorted) {
      if (box.area() <= 0) {
        continue;
      }
      boolean overlaps = false;
      for (FaceBox k : kept) {
        if (k.iou(box) > NMS_IOU) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(box);
      }
    }
    return kept;
  }

  private static double clamp01(float v) {
    return Math.max(0, Math.min(1, v));
  }
}
