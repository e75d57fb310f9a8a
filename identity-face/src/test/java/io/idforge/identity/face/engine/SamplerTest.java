package io.idforge.identity.face.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pixel code: box reduction, bilinear sampling, clipping, rotation, NMS, the focus measure. */
class SamplerTest {

  static final Sampler.Normalisation RAW =
      new Sampler.Normalisation(new float[] {0, 0, 0}, 1f);

  static RgbImage checkerboard(int w, int h) {
    int[] px = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        px[y * w + x] = ((x + y) % 2 == 0) ? 0xFFFFFF : 0x000000;
      }
    }
    return new RgbImage(w, h, px);
  }

  @Test
  void shrinkingAFineCheckerboardGivesMidGreyNotAliasing() {
    // Point or bilinear sampling would give black or white; an area average gives ~127.
    float[] out = Sampler.sample(checkerboard(640, 480), Affine.stretch(0, 0, 640, 480, 64, 48),
        64, 48, Sampler.Clip.NONE, RAW);
    for (float v : out) {
      assertEquals(127.5, v, 2);
    }
  }

  @Test
  void identityStretchCopiesPixels() {
    int[] px = new int[12];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i * 20) << 16 | (i * 10) << 8 | i;
    }
    RgbImage image = new RgbImage(4, 3, px);
    float[] out = Sampler.sample(image, Affine.stretch(0, 0, 4, 3, 4, 3), 4, 3,
        Sampler.Clip.NONE, RAW);
    for (int i = 0; i < px.length; i++) {
      assertEquals(i * 20, out[i], 1e-4);
      assertEquals(i * 10, out[12 + i], 1e-4);
      assertEquals(i, out[24 + i], 1e-4);
    }
  }

  @Test
  void outsideTheClipAndThePictureIsBlack() {
    RgbImage white = new RgbImage(10, 10, filled(100, 0xFFFFFF));
    Sampler.Normalisation norm = new Sampler.Normalisation(new float[] {10, 20, 30}, 0.5f);
    float[] out = Sampler.sample(white, Affine.stretch(-10, 0, 20, 10, 20, 10), 20, 10,
        new Sampler.Clip(0, 0, 5, 10), norm);
    assertEquals((0 - 10) * 0.5f, out[0], 1e-6); // left of the picture
    assertEquals((255 - 10) * 0.5f, out[12], 1e-6); // inside picture and clip
    assertEquals((0 - 10) * 0.5f, out[17], 1e-6); // right of the clip
    assertEquals((0 - 20) * 0.5f, out[200 + 17], 1e-6); // green plane
  }

  @Test
  void rotationByAQuarterTurnMapsRowsToColumns() {
    int[] px = new int[9];
    for (int i = 0; i < 9; i++) {
      px[i] = i * 10;
    }
    RgbImage image = new RgbImage(3, 3, px);
    // Target x axis along source y: target (1.5, 0.5) centre column top = source (2.5, 1.5)?
    Affine quarter = Affine.rotated(1.5, 1.5, Math.PI / 2, 1, 1.5, 1.5);
    float[] out = Sampler.sample(image, quarter, 3, 3, Sampler.Clip.NONE, RAW);
    // Target pixel (x, y) reads source (3 - 1 - y, x) under a +90° turn about the centre.
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 3; x++) {
        assertEquals(px[x * 3 + (2 - y)], out[2 * 9 + y * 3 + x], 1e-3, "at " + x + "," + y);
      }
    }
  }

  @Test
  void boxReduceAveragesExactly() {
    int[] px = {0x000000, 0x040404, 0x080808, 0x0C0C0C};
    int[] out = Sampler.boxReduce(new RgbImage(2, 2, px), 0, 0, 1, 1, 2, 2);
    assertEquals(0x060606, out[0]);
  }

  @Test
  void laplacianVarianceSeparatesEdgesFromFlat() {
    float[] flat = Sampler.sample(new RgbImage(20, 20, filled(400, 0x808080)),
        Affine.stretch(0, 0, 20, 20, 20, 20), 20, 20, Sampler.Clip.NONE, RAW);
    float[] edges = Sampler.sample(checkerboard(20, 20),
        Affine.stretch(0, 0, 20, 20, 20, 20), 20, 20, Sampler.Clip.NONE, RAW);
    assertEquals(0, Sampler.lumaLaplacianVariance(flat, 20, 20, RAW), 1e-6);
    assertTrue(Sampler.lumaLaplacianVariance(edges, 20, 20, RAW) > 1000);
  }

  @Test
  void nonMaximumSuppressionKeepsTheBestOfOverlappingBoxes() {
    FaceBox a = new FaceBox(0, 0, 100, 100, 0.9);
    FaceBox b = new FaceBox(10, 10, 110, 110, 0.95); // IoU with a ≈ 0.68
    FaceBox c = new FaceBox(200, 0, 300, 100, 0.8);
    assertEquals(List.of(b, c), FaceDetector.suppress(List.of(a, b, c)));
  }

  @Test
  void aWrappedBgrPictureSamplesExactlyLikeItsPackedCopy() {
    java.util.Random random = new java.util.Random(3);
    java.awt.image.BufferedImage bgr =
        new java.awt.image.BufferedImage(97, 61, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 61; y++) {
      for (int x = 0; x < 97; x++) {
        bgr.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    RgbImage wrapped = RgbImage.of(bgr);
    assertEquals(bgr.getRGB(5, 7) & 0xFFFFFF, wrapped.rgb(5, 7));
    RgbImage packed = new RgbImage(97, 61, wrapped.pixels().clone());
    for (int y = 0; y < 61; y++) {
      for (int x = 0; x < 97; x++) {
        assertEquals(bgr.getRGB(x, y) & 0xFFFFFF, packed.rgb(x, y));
      }
    }
    RgbImage fresh = RgbImage.of(bgr); // pixels() not yet materialised: the byte path
    for (Affine map : List.of(Affine.stretch(0, 0, 97, 61, 30, 20),
        Affine.stretch(10, 5, 40, 40, 40, 40), Affine.rotated(48, 30, 0.3, 0.7, 20, 20))) {
      float[] a = Sampler.sample(RgbImage.of(bgr), map, 40, 40, Sampler.Clip.NONE, RAW);
      float[] b = Sampler.sample(packed, map, 40, 40, Sampler.Clip.NONE, RAW);
      org.junit.jupiter.api.Assertions.assertArrayEquals(b, a, 1e-4f);
    }
    assertEquals(97, fresh.width());
  }

  private static int[] filled(int n, int rgb) {
    int[] px = new int[n];
    java.util.Arrays.fill(px, rgb);
    return px;
  }
}
