package io.idforge.identity.face.models;

import java.util.List;

/**
 * The synthetic test images of tools/face-reference/reference.js, defined by integer formulas of
 * (channel, y, x) so that Node and Java compute the same pixels without sharing files.
 */
final class FormulaImages {

  static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

  private FormulaImages() {
  }

  static int pixel(String formula, int c, int y, int x) {
    return switch (formula) {
      case "ramp" -> (x * 7 + y * 13 + c * 29) % 256;
      case "quadratic" -> (x * x + 3 * y * y + 11 * c * x * y + 5) % 256;
      case "checker" -> ((x / 8 + y / 8) % 2) * 200 + ((x * y + c * 53) % 56);
      default -> throw new IllegalArgumentException("unknown formula " + formula);
    };
  }

  /**
   * A batch of images, NCHW, normalised as face-api does it in float32:
   * {@code (p - mean[c]) / 255}.
   */
  static float[] normalisedBatch(List<String> formulas, int size) {
    float[] batch = new float[formulas.size() * 3 * size * size];
    int i = 0;
    for (String formula : formulas) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            batch[i++] = ((float) pixel(formula, c, y, x) - MEAN_RGB[c]) / 255f;
          }
        }
      }
    }
    return batch;
  }
}
