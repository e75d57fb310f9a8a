package io.idforge.identity.face.engine;

import io.idforge.identity.core.document.image.Sharpness;

/**
 * The pixel work between a decoded picture and a network input: sample a region through an affine
 * map into a planar, normalised float tensor (NCHW without N).
 *
 * <p>Bilinear sampling alone aliases when it shrinks by more than 2× (a 1920 px selfie onto the
 * detector's 320 px), so the region is first box-averaged by the integer part of the scale, then
 * sampled bilinearly; dlib's chip extractor likewise shrinks with a pyramid first. Only the region
 * the target actually covers is box-averaged, so a face crop costs the face, not the picture. All
 * loops run on int arrays: this code, not the networks, dominated latency in the probe.
 */
final class Sampler {

  /** Per-channel normalisation: {@code (p - mean[c]) * scale}. */
  record Normalisation(float[] mean, float scale) {

    /** Writes a black pixel (0, 0, 0), normalised, at index {@code o} of the three planes. */
    void black(float[] out, int plane, int o) {
      out[o] = -mean[0] * scale;
      out[plane + o] = -mean[1] * scale;
      out[2 * plane + o] = -mean[2] * scale;
    }
  }

  /** Source coordinates outside this rectangle read as black (0), as do those off the picture. */
  record Clip(double x0, double y0, double x1, double y1) {
    static final Clip NONE =
        new Clip(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    boolean contains(double u, double v) {
      return u >= x0 && u < x1 && v >= y0 && v < y1;
    }
  }

  private Sampler() {}

  /**
   * Fills {@code out} (3 planes of {@code tw}×{@code th}, R, G, B) from {@code src} through {@code
   * map}.
   */
  static float[] sample(RgbImage src, Affine map, int tw, int th, Clip clip, Normalisation norm) {
    boolean axisAligned = map.b() == 0 && map.d() == 0;
    int kx = (int) Math.floor(map.scaleX());
    int ky = (int) Math.floor(map.scaleY());
    if (!axisAligned) {
      kx = ky = Math.min(kx, ky); // rotated: shrink both axes alike
    }
    kx = Math.max(1, kx);
    ky = Math.max(1, ky);
    // The source region the target covers, plus one pixel for the bilinear neighbours.
    double minU = Double.POSITIVE_INFINITY;
    double minV = Double.POSITIVE_INFINITY;
    double maxU = Double.NEGATIVE_INFINITY;
    double maxV = Double.NEGATIVE_INFINITY;
    for (int corner = 0; corner < 4; corner++) {
      double x = (corner & 1) == 0 ? 0 : tw;
      double y = (corner & 2) == 0 ? 0 : th;
      minU = Math.min(minU, map.u(x, y));
      maxU = Math.max(maxU, map.u(x, y));
      minV = Math.min(minV, map.v(x, y));
      maxV = Math.max(maxV, map.v(x, y));
    }
    int x0 = clampInt(Math.floor(minU) - kx, 0, src.width());
    int y0 = clampInt(Math.floor(minV) - ky, 0, src.height());
    int x1 = clampInt(Math.ceil(maxU) + kx, 0, src.width());
    int y1 = clampInt(Math.ceil(maxV) + ky, 0, src.height());
    int rw = (x1 - x0) / kx;
    int rh = (y1 - y0) / ky;
    float[] out = new float[3 * tw * th];
    int plane = tw * th;
    if (rw <= 0 || rh <= 0) {
      for (int i = 0; i < plane; i++) {
        norm.black(out, plane, i);
      }
      return out;
    }
    int[] packed = src.packedIfPresent();
    int[] reduced = (packed != null && kx == 1 && ky == 1 && x0 == 0 && y0 == 0
        && rw == src.width() && rh == src.height())
        ? packed : boxReduce(src, x0, y0, rw, rh, kx, ky);
    if (axisAligned) {
      separable(src, map, tw, th, clip, norm, reduced, x0, y0, rw, rh, kx, ky, out);
    } else {
      general(src, map, tw, th, clip, norm, reduced, x0, y0, rw, rh, kx, ky, out);
    }
    return out;
  }

  /**
   * Axis-aligned maps (detector input, landmark crop): the bilinear indices and weights depend on
   * the column or the row only, so they are computed once per column and once per row.
   */
  private static void separable(RgbImage src, Affine map, int tw, int th, Clip clip,
      Normalisation norm, int[] reduced, int x0, int y0, int rw, int rh, int kx, int ky,
      float[] out) {
    int[] xa = new int[tw];
    int[] xb = new int[tw];
    float[] fx = new float[tw];
    boolean[] xin = new boolean[tw];
    for (int x = 0; x < tw; x++) {
      double u = map.u(x + 0.5, 0);
      xin[x] = u >= 0 && u < src.width() && u >= clip.x0() && u < clip.x1();
      double ru = (u - x0) / kx - 0.5;
      int iu = floor(ru);
      fx[x] = (float) (ru - iu);
      xa[x] = Math.max(0, Math.min(rw - 1, iu));
      xb[x] = Math.max(0, Math.min(rw - 1, iu + 1));
    }
    int plane = tw * th;
    float[] mean = norm.mean();
    float scale = norm.scale();
    for (int y = 0, o = 0; y < th; y++) {
      double v = map.v(0, y + 0.5);
      boolean yin = v >= 0 && v < src.height() && v >= clip.y0() && v < clip.y1();
      double rv = (v - y0) / ky - 0.5;
      int iv = floor(rv);
      float fy = (float) (rv - iv);
      int rowA = Math.max(0, Math.min(rh - 1, iv)) * rw;
      int rowB = Math.max(0, Math.min(rh - 1, iv + 1)) * rw;
      for (int x = 0; x < tw; x++, o++) {
        float r;
        float g;
        float b;
        if (yin && xin[x]) {
          int p00 = reduced[rowA + xa[x]];
          int p01 = reduced[rowA + xb[x]];
          int p10 = reduced[rowB + xa[x]];
          int p11 = reduced[rowB + xb[x]];
          float wx = fx[x];
          float top;
          float bottom;
          top = ((p00 >> 16) & 0xFF) + wx * (((p01 >> 16) & 0xFF) - ((p00 >> 16) & 0xFF));
          bottom = ((p10 >> 16) & 0xFF) + wx * (((p11 >> 16) & 0xFF) - ((p10 >> 16) & 0xFF));
          r = top + fy * (bottom - top);
          top = ((p00 >> 8) & 0xFF) + wx * (((p01 >> 8) & 0xFF) - ((p00 >> 8) & 0xFF));
          bottom = ((p10 >> 8) & 0xFF) + wx * (((p11 >> 8) & 0xFF) - ((p10 >> 8) & 0xFF));
          g = top + fy * (bottom - top);
          top = (p00 & 0xFF) + wx * ((p01 & 0xFF) - (p00 & 0xFF));
          bottom = (p10 & 0xFF) + wx * ((p11 & 0xFF) - (p10 & 0xFF));
          b = top + fy * (bottom - top);
        } else {
          r = 0;
          g = 0;
          b = 0;
        }
        out[o] = (r - mean[0]) * scale;
        out[plane + o] = (g - mean[1]) * scale;
        out[2 * plane + o] = (b - mean[2]) * scale;
      }
    }
  }

  /** Any affine map (the rotated face chip). */
  private static void general(RgbImage src, Affine map, int tw, int th, Clip clip,
      Normalisation norm, int[] reduced, int x0, int y0, int rw, int rh, int kx, int ky,
      float[] out) {
    int plane = tw * th;
    float[] mean = norm.mean();
    float scale = norm.scale();
    int sw = src.width();
    int sh = src.height();
    for (int y = 0, o = 0; y < th; y++) {
      double cy = y + 0.5;
      for (int x = 0; x < tw; x++, o++) {
        double cx = x + 0.5;
        double u = map.u(cx, cy);
        double v = map.v(cx, cy);
        if (u < 0 || v < 0 || u >= sw || v >= sh || !clip.contains(u, v)) {
          norm.black(out, plane, o);
          continue;
        }
        // Into the reduced region's index space (pixel centres at integers).
        double ru = (u - x0) / kx - 0.5;
        double rv = (v - y0) / ky - 0.5;
        int iu = floor(ru);
        int iv = floor(rv);
        double fu = ru - iu;
        double fv = rv - iv;
        int u0 = Math.max(0, Math.min(rw - 1, iu));
        int u1 = Math.max(0, Math.min(rw - 1, iu + 1));
        int v0 = Math.max(0, Math.min(rh - 1, iv));
        int v1 = Math.max(0, Math.min(rh - 1, iv + 1));
        int p00 = reduced[v0 * rw + u0];
        int p01 = reduced[v0 * rw + u1];
        int p10 = reduced[v1 * rw + u0];
        int p11 = reduced[v1 * rw + u1];
        double w00 = (1 - fu) * (1 - fv);
        double w01 = fu * (1 - fv);
        double w10 = (1 - fu) * fv;
        double w11 = fu * fv;
        double r = w00 * ((p00 >> 16) & 0xFF) + w01 * ((p01 >> 16) & 0xFF)
            + w10 * ((p10 >> 16) & 0xFF) + w11 * ((p11 >> 16) & 0xFF);
        double g = w00 * ((p00 >> 8) & 0xFF) + w01 * ((p01 >> 8) & 0xFF)
            + w10 * ((p10 >> 8) & 0xFF) + w11 * ((p11 >> 8) & 0xFF);
        double b = w00 * (p00 & 0xFF) + w01 * (p01 & 0xFF) + w10 * (p10 & 0xFF) + w11 * (p11 & 0xFF);
        out[o] = (float) ((r - mean[0]) * scale);
        out[plane + o] = (float) ((g - mean[1]) * scale);
        out[2 * plane + o] = (float) ((b - mean[2]) * scale);
      }
    }
  }

  private static int floor(double v) {
    int i = (int) v;
    return v < i ? i - 1 : i;
  }

  /**
   * Box average of the {@code rw*kx}×{@code rh*ky} region at (x0, y0) down to {@code rw}×{@code
   * rh}: every source pixel counts once, so nothing aliases.
   */
  static int[] boxReduce(RgbImage src, int x0, int y0, int rw, int rh, int kx, int ky) {
    int[] out = new int[rw * rh];
    int[] sr = new int[rw];
    int[] sg = new int[rw];
    int[] sb = new int[rw];
    byte[] bgr = src.bgr();
    int[] px = bgr == null ? src.pixels() : null;
    int sw = src.width();
    int n = kx * ky;
    int half = n / 2;
    for (int ry = 0; ry < rh; ry++) {
      java.util.Arrays.fill(sr, 0);
      java.util.Arrays.fill(sg, 0);
      java.util.Arrays.fill(sb, 0);
      for (int dy = 0; dy < ky; dy++) {
        int row = (y0 + ry * ky + dy) * sw + x0;
        if (bgr != null) {
          for (int rx = 0, s = 3 * row; rx < rw; rx++) {
            int r = 0;
            int g = 0;
            int b = 0;
            for (int dx = 0; dx < kx; dx++, s += 3) {
              b += bgr[s] & 0xFF;
              g += bgr[s + 1] & 0xFF;
              r += bgr[s + 2] & 0xFF;
            }
            sr[rx] += r;
            sg[rx] += g;
            sb[rx] += b;
          }
        } else {
          for (int rx = 0, s = row; rx < rw; rx++) {
            int r = 0;
            int g = 0;
            int b = 0;
            for (int dx = 0; dx < kx; dx++, s++) {
              int p = px[s];
              r += (p >> 16) & 0xFF;
              g += (p >> 8) & 0xFF;
              b += p & 0xFF;
            }
            sr[rx] += r;
            sg[rx] += g;
            sb[rx] += b;
          }
        }
      }
      for (int rx = 0, o = ry * rw; rx < rw; rx++, o++) {
        out[o] = (((sr[rx] + half) / n) << 16) | (((sg[rx] + half) / n) << 8) | ((sb[rx] + half) / n);
      }
    }
    return out;
  }

  /**
   * Variance of the 4-neighbour Laplacian of the Rec. 601 luma of a tensor made by {@link #sample}
   * (the same focus measure as identity-core's document blur check, on the aligned face chip).
   */
  static double lumaLaplacianVariance(float[] planes, int w, int h, Normalisation norm) {
    int plane = w * h;
    float[] mean = norm.mean();
    double inv = 1.0 / norm.scale();
    float[] luma = new float[plane];
    for (int i = 0; i < plane; i++) {
      luma[i] = (float) (0.299 * (planes[i] * inv + mean[0])
          + 0.587 * (planes[plane + i] * inv + mean[1])
          + 0.114 * (planes[2 * plane + i] * inv + mean[2]));
    }
    return Sharpness.varianceOfLaplacian(luma, w, h);
  }

  private static int clampInt(double v, int lo, int hi) {
    return (int) Math.max(lo, Math.min(hi, v));
  }
}
