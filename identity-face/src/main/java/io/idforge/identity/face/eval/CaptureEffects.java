package io.idforge.identity.face.eval;

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
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What a phone camera or a scanner does to a card: a slight rotation on a table, scaling, colour,
 * brightness and contrast shifts, blur, sensor noise, JPEG compression. All parameters come from a
 * {@link Rendition}; the noise from the seeded {@link Random}.
 */
public final class CaptureEffects {

  private static final Color TABLE = new Color(62, 58, 54);

  private CaptureEffects() {}

  /** The card as captured (before JPEG compression). */
  public static BufferedImage capture(BufferedImage card, Rendition r, Random rnd) {
    double scale = (double) r.width() / card.getWidth();
    double theta = Math.toRadians(r.angleDegrees());
    int margin = (int) Math.round(r.width() * 0.06);
    double w = card.getWidth() * scale;
    double h = card.getHeight() * scale;
    double cos = Math.abs(Math.cos(theta));
    double sin = Math.abs(Math.sin(theta));
    int outW = (int) Math.ceil(w * cos + h * sin) + 2 * margin;
    int outH = (int) Math.ceil(w * sin + h * cos) + 2 * margin;
    BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(TABLE);
    g.fillRect(0, 0, outW, outH);
    AffineTransform t = new AffineTransform();
    t.translate(outW / 2.0, outH / 2.0);
    t.rotate(theta);
    t.scale(scale, scale);
    t.translate(-card.getWidth() / 2.0, -card.getHeight() / 2.0);
    g.drawImage(card, t, null);
    g.dispose();
    BufferedImage blurred = r.blurSigma() > 0 ? blur(out, r.blurSigma()) : out;
    return colourAndNoise(blurred, r, rnd);
  }

  /** Separable Gaussian blur (edges left unblurred: they are table, not card). */
  static BufferedImage blur(BufferedImage img, double sigma) {
    int radius = Math.max(1, (int) Math.ceil(sigma * 3));
    float[] k = new float[2 * radius + 1];
    float sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    BufferedImage h = new ConvolveOp(new Kernel(k.length, 1, k), ConvolveOp.EDGE_NO_OP, null)
        .filter(img, null);
    return new ConvolveOp(new Kernel(1, k.length, k), ConvolveOp.EDGE_NO_OP, null).filter(h, null);
  }

  private static BufferedImage colourAndNoise(BufferedImage img, Rendition r, Random rnd) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
    int[] tint = {r.tintR(), r.tintG(), r.tintB()};
    for (int i = 0; i < px.length; i++) {
      int c = px[i];
      int out = 0;
      for (int ch = 0; ch < 3; ch++) {
        int shift = 16 - 8 * ch;
        double v = (c >> shift & 255);
        v = (v - 128) * r.contrast() + 128 + r.brightness() + tint[ch];
        v += rnd.nextGaussian() * r.noiseSigma();
        out |= clamp(v) << shift;
      }
      px[i] = out;
    }
    BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    result.setRGB(0, 0, w, h, px, 0, w);
    return result;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  /** Baseline JPEG at {@code quality} (0..100). */
  public static byte[] jpeg(BufferedImage img, int quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      writer.write(null, new IIOImage(img, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** {@code img} scaled by {@code factor} with bilinear sampling. */
  static BufferedImage resize(BufferedImage img, double factor) {
    int w = Math.max(1, (int) Math.round(img.getWidth() * factor));
    int h = Math.max(1, (int) Math.round(img.getHeight() * factor));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, w, h, null);
    g.dispose();
    return out;
  }
}
