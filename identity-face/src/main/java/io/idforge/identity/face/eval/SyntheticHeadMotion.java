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
 *   <li>{@link #openMouth}: the jaw dropped (lower lip and chin pulled down below the inner-lip
 *       line, the upper lip lifted a little), the gap drawn as an open mouth: upper and lower
 *       incisors, a shaded oral cavity, rounded towards the corners;
 *   <li>{@link #handHeld}: the whole picture shifted, turned in its plane and scaled, as a photo
 *       held up to the camera moves;
 *   <li>{@link #tiltedPhoto}: the picture as a printed photo, bent a little and turned or tilted
 *       out of its plane close to the camera, in perspective.
 * </ul>
 */
public final class SyntheticHeadMotion {

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
   * The mouth opened by {@code opening} times the inner mouth width (0.2-0.4 is a clear opening),
   * drawn as a phone camera sees an open mouth: the jaw drops, so the lower lip and chin are pulled
   * down by two thirds of the gap and the upper lip lifted by a third (the skin up to the nose
   * compresses); between the lips, rounded towards the corners, the upper incisors show below the
   * upper lip (about a sixth of the mouth's width tall, fading towards the corners where the
   * cheeks shade them), the lower ones just above the lower lip, and between them the oral cavity,
   * darkest in its middle. A mouth that already shows its teeth at rest (an inner-lip gap above a
   * tenth of its width) keeps its own teeth with the lips and gets no second row.
   */
  public BufferedImage openMouth(double opening) {
    double left = x(60);
    double right = x(64);
    double centre = (left + right) / 2;
    double innerWidth = Math.max(4, right - left);
    double half = innerWidth / 2 * 1.1;
    double lipLine = (y(62) + y(66)) / 2;
    double noseBase = y(33);
    double chin = y(8);
    double drop = opening * 2 * half;
    double fade = Math.max(4, chin - lipLine);
    boolean ownTeeth = (y(66) - y(62)) > 0.1 * innerWidth;
    int[] out = pixels.clone();
    for (int x = 0; x < width; x++) {
      double dx = (x - centre) / half;
      // Rounder than a lens: an opened mouth is nearly elliptic, pinched only at the corners.
      double gap = drop * Math.pow(Math.max(0, 1 - dx * dx), 0.7);
      if (gap < 0.5) {
        continue;
      }
      double up = gap / 3;
      double down = gap - up;
      double top = lipLine - up;
      double bottom = lipLine + down;
      // Above the lip line: lifted, the lift fading to nothing at the nose's base.
      for (int y = (int) Math.ceil(noseBase); y < top && y < height; y++) {
        double share = (y - noseBase) / Math.max(1, top - noseBase);
        out[y * width + x] = sample(pixels, x, y + up * share);
      }
      double upperTeeth = ownTeeth || Math.abs(dx) > 0.8 ? 0 : Math.min(0.4 * gap, innerWidth / 6);
      double lowerTeeth = ownTeeth || Math.abs(dx) > 0.55 ? 0 : Math.min(0.15 * gap, innerWidth / 14);
      for (int y = (int) Math.floor(top); y < height; y++) {
        if (y < 0) {
          continue;
        }
        if (y < bottom) {
          out[y * width + x] = mouthInside(y - top, bottom - y, dx, upperTeeth, lowerTeeth);
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
   * A pixel inside the opened mouth, {@code fromTop} below the upper lip and {@code fromBottom}
   * above the lower one, at {@code dx} (-1..1) across the mouth.
   */
  private static int mouthInside(double fromTop, double fromBottom, double dx, double upperTeeth,
      double lowerTeeth) {
    // Teeth darken towards the corners (shaded by the cheeks) and at their edges.
    double shade = 1 - 0.55 * Math.pow(Math.abs(dx) / 0.8, 2);
    if (fromTop < upperTeeth) {
      double edge = fromTop > upperTeeth - 1 ? 0.8 : 1;
      return rgb(226 * shade * edge, 218 * shade * edge, 204 * shade * edge);
    }
    if (fromBottom < lowerTeeth) {
      return rgb(205 * shade, 196 * shade, 184 * shade);
    }
    // The cavity: dark red-brown, darkest away from the lips and the corners.
    double depth = Math.min(1, Math.min(fromTop - upperTeeth, fromBottom - lowerTeeth) / 6)
        * (1 - 0.5 * dx * dx);
    return rgb(96 - 62 * depth, 42 - 30 * depth, 44 - 30 * depth);
  }

  private static int rgb(double r, double g, double b) {
    int ri = (int) Math.max(0, Math.min(255, Math.round(r)));
    int gi = (int) Math.max(0, Math.min(255, Math.round(g)));
    int bi = (int) Math.max(0, Math.min(255, Math.round(b)));
    return (ri << 16) | (gi << 8) | bi;
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
   * {@code picture} as a printed photo held close to the camera and turned about a vertical axis
   * through its centre ({@code yawDegrees}, positive as {@link #turn}) or a horizontal one ({@code
   * pitchDegrees}; one of the two is zero), bent about that axis into an arc whose middle stands
   * {@code bend} pixels in front of its edges, and seen in perspective by a camera whose focal
   * length is {@code focal} pixels (a phone's front camera: about 340 px at 480 px across): the
   * nearer side grows, the farther side shrinks. This is the attack that comes closest to a head
   * turn with a flat picture: the perspective and the bend both shift the nose against the
   * face's outline the way a turn does, if less.
   */
  public static BufferedImage tiltedPhoto(BufferedImage picture, double yawDegrees,
      double pitchDegrees, double bend, double focal) {
    if (yawDegrees != 0 && pitchDegrees != 0) {
      throw new IllegalArgumentException("one axis at a time");
    }
    boolean aboutVertical = pitchDegrees == 0;
    int w = picture.getWidth();
    int h = picture.getHeight();
    // Work along "across" (x for a turn about the vertical axis, y for a tilt) and "along".
    int across = aboutVertical ? w : h;
    int along = aboutVertical ? h : w;
    double theta = Math.toRadians(aboutVertical ? yawDegrees : -pitchDegrees);
    double centre = across / 2.0;
    double middle = along / 2.0;
    // Forward map of every source line position: image position and perspective scale.
    int steps = across * 4;
    double[] image = new double[steps + 1];
    double[] scale = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      double a = i / 4.0 - centre;
      double z = bend * (1 - Math.pow(2 * a / across, 2));
      double a2 = a * Math.cos(theta) + z * Math.sin(theta);
      double z2 = -a * Math.sin(theta) + z * Math.cos(theta);
      scale[i] = focal / Math.max(1, focal - z2);
      image[i] = centre + a2 * scale[i];
    }
    int[] src = picture.getRGB(0, 0, w, h, null, 0, w);
    int[] out = new int[w * h];
    java.util.Arrays.fill(out, BACKGROUND.getRGB() & 0xFFFFFF);
    int k = 0;
    for (int o = 0; o < across; o++) {
      // The source position whose image falls on o (the map is monotonic for these angles).
      while (k < steps && image[k + 1] < o) {
        k++;
      }
      if (image[k] > o || k >= steps || image[k + 1] < o) {
        continue;
      }
      double t = (o - image[k]) / Math.max(1e-9, image[k + 1] - image[k]);
      double a = (k + t) / 4.0;
      double sc = scale[k] + t * (scale[k + 1] - scale[k]);
      for (int p = 0; p < along; p++) {
        double b = middle + (p - middle) / sc;
        if (b < 0 || b > along - 1) {
          continue;
        }
        int x = aboutVertical ? o : p;
        int y = aboutVertical ? p : o;
        double sx = aboutVertical ? a : b;
        double sy = aboutVertical ? b : a;
        out[y * w + x] = bilinear(src, w, h, sx, sy);
      }
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, w, h, out, 0, w);
    return img;
  }

  private static int bilinear(int[] src, int w, int h, double x, double y) {
    int x0 = Math.max(0, Math.min(w - 1, (int) Math.floor(x)));
    int y0 = Math.max(0, Math.min(h - 1, (int) Math.floor(y)));
    int x1 = Math.min(w - 1, x0 + 1);
    int y1 = Math.min(h - 1, y0 + 1);
    double fx = Math.max(0, Math.min(1, x - x0));
    double fy = Math.max(0, Math.min(1, y - y0));
    int top = mix(src[y0 * w + x0], src[y0 * w + x1], fx);
    int bottom = mix(src[y1 * w + x0], src[y1 * w + x1], fx);
    return mix(top, bottom, fy);
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
