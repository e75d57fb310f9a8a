package io.idforge.identity.face.eval;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Synthetic head motion made from one still portrait, for the liveness evaluation. These are
 * warps of a 2-D photo, not recordings of people: they show that the measures respond to the
 * geometry of a turn and that a still photo does not, nothing about real users.
 *
 * <ul>
 *   <li>{@link #turn}: the face as a generic height field (a paraboloid over the head's ellipse,
 *       a ridge for the nose, placed from the portrait's landmarks) rotated by a yaw or a pitch:
 *       each point moves by its depth times the sine of the angle (parallax), nearer points
 *       hiding farther ones (a 1-D z-buffer per row or column); the outline stays put;
 *   <li>{@link #openMouth}: the lower lip and chin pulled down below the inner-lip line, the gap
 *       filled with a dark mouth cavity, shaped like a lens between the mouth corners;
 *   <li>{@link #handHeld}: the whole picture shifted, turned in its plane and scaled, as a photo
 *       held up to the camera moves.
 * </ul>
 */
public final class SyntheticHeadMotion {

  private static final int CAVITY = 0x3A1A1C;
  private static final Color BACKGROUND = new Color(118, 118, 118);

  private final BufferedImage source;
  private final int width;
  private final int height;
  private final int[] pixels;
  private final double[] depth;
  private final double[] landmarks;

  /**
   * @param source the neutral portrait
   * @param landmarks its 68 landmarks (136 values, x0, y0, …) as the engine finds them
   */
  public SyntheticHeadMotion(BufferedImage source, double[] landmarks) {
    this.source = source;
    this.width = source.getWidth();
    this.height = source.getHeight();
    this.pixels = source.getRGB(0, 0, width, height, null, 0, width);
    this.landmarks = landmarks.clone();
    this.depth = depthMap();
  }

  /**
   * The head turned: {@code yawDegrees} positive towards the subject's own left (the nose moves to
   * the picture's right), {@code pitchDegrees} positive looking up.
   */
  public BufferedImage turn(double yawDegrees, double pitchDegrees) {
    int[] out = pixels.clone();
    if (yawDegrees != 0) {
      out = parallax(out, Math.sin(Math.toRadians(yawDegrees)), true);
    }
    if (pitchDegrees != 0) {
      out = parallax(out, -Math.sin(Math.toRadians(pitchDegrees)), false);
    }
    return image(out);
  }

  /**
   * The mouth opened by {@code opening} times the inner mouth width (0.2-0.4 is a clear opening):
   * the lower lip and chin pulled down by two thirds of the gap, the upper lip lifted by a third
   * (the skin up to the nose compresses), the gap a dark cavity shaped like a lens between the
   * mouth corners.
   */
  public BufferedImage openMouth(double opening) {
    double left = x(60);
    double right = x(64);
    double centre = (left + right) / 2;
    double half = Math.max(2, (right - left) / 2) * 1.1;
    double lipLine = (y(62) + y(66)) / 2;
    double noseBase = y(33);
    double chin = y(8);
    double drop = opening * 2 * half;
    double fade = Math.max(4, chin - lipLine);
    int[] out = pixels.clone();
    for (int x = 0; x < width; x++) {
      double dx = (x - centre) / half;
      double gap = drop * Math.max(0, 1 - dx * dx);
      if (gap < 0.5) {
        continue;
      }
      double up = gap / 3;
      double down = gap - up;
      // Above the lip line: lifted, the lift fading to nothing at the nose's base.
      for (int y = (int) Math.ceil(noseBase); y < lipLine - up && y < height; y++) {
        double share = (y - noseBase) / Math.max(1, lipLine - up - noseBase);
        out[y * width + x] = sample(pixels, x, y + up * share);
      }
      for (int y = (int) Math.floor(lipLine - up); y < height; y++) {
        if (y < 0) {
          continue;
        }
        if (y < lipLine + down) {
          // The cavity, a little lighter at the lips so that the inner lip edges show.
          out[y * width + x] = y < lipLine - up + 1.5 || y > lipLine + down - 1.5 ? 0x6A3A3A : CAVITY;
          continue;
        }
        double below = y - down - lipLine;
        double pull = below <= fade ? 1 : Math.max(0, 1 - (below - fade) / fade);
        out[y * width + x] = sample(pixels, x, y - down * pull);
      }
    }
    return image(out);
  }

  /**
   * {@code picture} as a hand-held photo shows it: shifted by ({@code dx}, {@code dy}) pixels,
   * turned by {@code degrees} in its plane and scaled by {@code scale} about its centre.
   */
  public static BufferedImage handHeld(BufferedImage picture, double dx, double dy, double degrees,
      double scale) {
    BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    AffineTransform t = new AffineTransform();
    t.translate(picture.getWidth() / 2.0 + dx, picture.getHeight() / 2.0 + dy);
    t.rotate(Math.toRadians(degrees));
    t.scale(scale, scale);
    t.translate(-picture.getWidth() / 2.0, -picture.getHeight() / 2.0);
    g.drawImage(picture, t, null);
    g.dispose();
    return out;
  }

  /**
   * Moves every pixel by its depth times {@code s} along rows ({@code horizontal}) or columns,
   * resolving folds with a z-buffer (the nearer surface wins) and sampling linearly between the
   * source pixels each output pixel falls between.
   */
  private int[] parallax(int[] in, double s, boolean horizontal) {
    int lines = horizontal ? height : width;
    int length = horizontal ? width : height;
    int[] out = in.clone();
    double[] zbuf = new double[length];
    double[] pos = new double[length];
    for (int line = 0; line < lines; line++) {
      java.util.Arrays.fill(zbuf, Double.NEGATIVE_INFINITY);
      boolean moved = false;
      for (int i = 0; i < length; i++) {
        double z = depth[index(horizontal, line, i)];
        pos[i] = i + s * z;
        moved |= z != 0;
      }
      if (!moved) {
        continue;
      }
      for (int i = 0; i + 1 < length; i++) {
        double a = pos[i];
        double b = pos[i + 1];
        double za = depth[index(horizontal, line, i)];
        double zb = depth[index(horizontal, line, i + 1)];
        int from = (int) Math.ceil(Math.min(a, b));
        int to = (int) Math.floor(Math.max(a, b));
        for (int o = Math.max(0, from); o <= Math.min(length - 1, to); o++) {
          double t = b == a ? 0 : (o - a) / (b - a);
          double z = za + t * (zb - za);
          if (z > zbuf[o]) {
            zbuf[o] = z;
            double src = i + t;
            out[index(horizontal, line, o)] = horizontal
                ? sampleRow(in, line, src)
                : sample(in, line, src);
          }
        }
      }
    }
    return out;
  }

  private int index(boolean horizontal, int line, int i) {
    return horizontal ? line * width + i : i * width + line;
  }

  /**
   * A generic face depth in pixels: a paraboloid over an ellipse around the face (deepest at its
   * centre, 0.85 of the half width, zero slope nowhere steeper than a 30-degree turn can fold)
   * plus a nose ridge from the bridge (point 27) to the tip (point 30), highest at the tip.
   */
  private double[] depthMap() {
    double jawHalf = Math.hypot(x(16) - x(0), y(16) - y(0)) / 2;
    double browTop = Double.MAX_VALUE;
    for (int i = 17; i <= 26; i++) {
      browTop = Math.min(browTop, y(i));
    }
    double cx = (x(0) + x(16) + x(27) + x(8)) / 4;
    double a = jawHalf * 1.15;
    double b = (y(8) - browTop) * 0.5 * 1.45;
    double cy = y(8) - b * 0.95;
    double headDepth = 0.85 * a;
    double noseTipX = x(30);
    double noseTipY = y(30);
    double bridgeX = x(27);
    double bridgeY = y(27);
    double noseHeight = 0.32 * a;
    double noseWidth = 0.13 * a;
    double[] z = new double[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double u = (x - cx) / a;
        double v = (y - cy) / b;
        double r2 = u * u + v * v;
        double head = r2 < 1 ? headDepth * (1 - r2) : 0;
        // Along the ridge: t = 0 at the bridge, 1 at the tip; beyond the tip it falls off fast.
        double lx = noseTipX - bridgeX;
        double ly = noseTipY - bridgeY;
        double len2 = lx * lx + ly * ly;
        double t = len2 == 0 ? 0 : ((x - bridgeX) * lx + (y - bridgeY) * ly) / len2;
        double along = t < 0 ? Math.exp(-t * t * 40) * 0.2 : t <= 1 ? 0.2 + 0.8 * t : Math.exp(-(t - 1) * (t - 1) * 30);
        double px = bridgeX + Math.max(0, Math.min(1, t)) * lx;
        double py = bridgeY + Math.max(0, Math.min(1, t)) * ly;
        double across = Math.hypot(x - px, y - py);
        double nose = r2 < 1 ? noseHeight * along * Math.exp(-across * across / (2 * noseWidth * noseWidth)) : 0;
        z[y * width + x] = head + nose;
      }
    }
    return z;
  }

  private double x(int point) {
    return landmarks[2 * point];
  }

  private double y(int point) {
    return landmarks[2 * point + 1];
  }

  /** Linear sample along column {@code x} at fractional row {@code sy}. */
  private int sample(int[] in, int x, double sy) {
    int y0 = (int) Math.floor(sy);
    double f = sy - y0;
    int p = in[clamp(y0, height) * width + x];
    int q = in[clamp(y0 + 1, height) * width + x];
    return mix(p, q, f);
  }

  /** Linear sample along row {@code y} at fractional column {@code sx}. */
  private int sampleRow(int[] in, int y, double sx) {
    int x0 = (int) Math.floor(sx);
    double f = sx - x0;
    int p = in[y * width + clamp(x0, width)];
    int q = in[y * width + clamp(x0 + 1, width)];
    return mix(p, q, f);
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n - 1, v));
  }

  private static int mix(int p, int q, double f) {
    int r = (int) Math.round(((p >> 16) & 0xFF) * (1 - f) + ((q >> 16) & 0xFF) * f);
    int g = (int) Math.round(((p >> 8) & 0xFF) * (1 - f) + ((q >> 8) & 0xFF) * f);
    int b = (int) Math.round((p & 0xFF) * (1 - f) + (q & 0xFF) * f);
    return (r << 16) | (g << 8) | b;
  }

  private BufferedImage image(int[] out) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, width, height, out, 0, width);
    return img;
  }

  /** The neutral portrait. */
  public BufferedImage neutral() {
    return source;
  }
}
