package io.idforge.identity.face.engine;

import io.idforge.identity.core.document.image.JpegFixtures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Test pictures made from the public-domain portraits: renditions, composites, blur, encodings. */
public final class Pictures {

  private Pictures() {}

  public static BufferedImage portrait(String name) {
    Path dir = TestModels.portraits().orElseThrow(
        () -> new IllegalStateException("portraits missing: run .ci/setup-portraits.sh"));
    try {
      return rgb(ImageIO.read(dir.resolve(name).toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(TestModels.portraits().orElseThrow().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 3-byte BGR copy (what the JPEG writer wants). */
  public static BufferedImage rgb(BufferedImage src) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
        BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.drawImage(src, 0, 0, null);
    g.dispose();
    return out;
  }

  public static byte[] jpeg(BufferedImage image, float quality) {
    return JpegFixtures.jpeg(image, quality);
  }

  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** {@code src} scaled by {@code factor} (bicubic). */
  public static BufferedImage scaled(BufferedImage src, double factor) {
    int w = (int) Math.round(src.getWidth() * factor);
    int h = (int) Math.round(src.getHeight() * factor);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /**
   * A synthetic ID-card front in the probe's manner: an ID-1 shaped card (856×540) with a guilloche
   * pattern, the portrait cropped around {@code face} (1.9 × 2.5 face boxes), rotated by {@code
   * degrees}, scaled to 260 px high, contrast and brightness changed, tinted, noised, a small ghost
   * portrait, and JPEG at quality 0.35.
   */
  public static byte[] documentRendition(BufferedImage photo, FaceBox face, double degrees,
      long seed) {
    Random random = new Random(seed);
    BufferedImage card = new BufferedImage(856, 540, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = card.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(new Color(222, 232, 214));
    g.fillRect(0, 0, 856, 540);
    g.setStroke(new BasicStroke(1f));
    g.setColor(new Color(170, 196, 180));
    for (int k = 0; k < 40; k++) {
      int r = 40 + 18 * k;
      g.drawOval(430 - r, 270 - r / 2, 2 * r, r);
    }
    g.setColor(new Color(40, 50, 60));
    g.fillRect(300, 120, 420, 18);
    g.fillRect(300, 170, 300, 14);
    g.fillRect(300, 210, 360, 14);
    double cw = face.width() * 1.9;
    double ch = face.height() * 2.5;
    double cx = (face.x1() + face.x2()) / 2;
    double cy = (face.y1() + face.y2()) / 2 + face.height() * 0.1;
    int x0 = (int) Math.max(0, cx - cw / 2);
    int y0 = (int) Math.max(0, cy - ch / 2);
    int w = (int) Math.min(photo.getWidth() - x0, cw);
    int h = (int) Math.min(photo.getHeight() - y0, ch);
    BufferedImage crop = photo.getSubimage(x0, y0, w, h);
    double scale = 260.0 / h;
    AffineTransform at = new AffineTransform();
    at.translate(50 + w * scale / 2, 120 + 130);
    at.rotate(Math.toRadians(degrees));
    at.scale(scale, scale);
    at.translate(-w / 2.0, -h / 2.0);
    g.drawImage(crop, at, null);
    // The ghost portrait: small and faint, as on many ID cards.
    AffineTransform ghost = new AffineTransform();
    ghost.translate(720, 330);
    ghost.scale(70.0 / h, 70.0 / h);
    g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.5f));
    g.drawImage(crop, ghost, null);
    g.dispose();
    double contrast = 0.75 + 0.4 * random.nextDouble();
    double brightness = -25 + 50 * random.nextDouble();
    int[] tint = {random.nextInt(15), random.nextInt(15), random.nextInt(15)};
    for (int y = 0; y < card.getHeight(); y++) {
      for (int x = 0; x < card.getWidth(); x++) {
        int p = card.getRGB(x, y);
        int r = tone((p >> 16) & 0xFF, contrast, brightness + tint[0], random);
        int gg = tone((p >> 8) & 0xFF, contrast, brightness + tint[1], random);
        int b = tone(p & 0xFF, contrast, brightness + tint[2], random);
        card.setRGB(x, y, (r << 16) | (gg << 8) | b);
      }
    }
    return jpeg(card, 0.35f);
  }

  private static int tone(int v, double contrast, double brightness, Random random) {
    double t = (v - 128) * contrast + 128 + brightness + random.nextGaussian() * 6;
    return (int) Math.max(0, Math.min(255, Math.round(t)));
  }

  /** Two portraits side by side on one canvas. */
  public static BufferedImage sideBySide(BufferedImage a, BufferedImage b) {
    int h = Math.max(a.getHeight(), b.getHeight());
    BufferedImage out = new BufferedImage(a.getWidth() + b.getWidth(), h,
        BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, out.getWidth(), h);
    g.drawImage(a, 0, 0, null);
    g.drawImage(b, a.getWidth(), 0, null);
    g.dispose();
    return out;
  }

  /** {@code src} shrunk by {@code factor} and centred on a grey canvas of the original size. */
  public static BufferedImage shrunkOnCanvas(BufferedImage src, double factor) {
    BufferedImage small = scaled(src, factor);
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
        BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setColor(new Color(128, 128, 128));
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.drawImage(small, (src.getWidth() - small.getWidth()) / 2,
        (src.getHeight() - small.getHeight()) / 2, null);
    g.dispose();
    return out;
  }

  /** A box blur of {@code radius}, applied {@code passes} times (close to a Gaussian). */
  public static BufferedImage blurred(BufferedImage src, int radius, int passes) {
    int size = 2 * radius + 1;
    float[] k = new float[size * size];
    java.util.Arrays.fill(k, 1f / k.length);
    ConvolveOp op = new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null);
    BufferedImage out = rgb(src);
    for (int i = 0; i < passes; i++) {
      out = op.filter(out, null);
    }
    return rgb(out);
  }

  /** A face-free texture: smooth noise with some stripes. */
  public static BufferedImage texture(int w, int h, long seed) {
    Random random = new Random(seed);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = (int) (128 + 60 * Math.sin(x / 9.0) * Math.cos(y / 13.0)
            + random.nextGaussian() * 10);
        v = Math.max(0, Math.min(255, v));
        out.setRGB(x, y, (v << 16) | ((v * 3 / 4) << 8) | (255 - v));
      }
    }
    return out;
  }

  /** Greyscale copy. */
  public static BufferedImage grey(BufferedImage src) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.drawImage(src, 0, 0, null);
    g.dispose();
    return out;
  }
}
