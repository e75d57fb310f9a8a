package io.idforge.identity.core.document.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;

/** Deterministic card-like pictures for the quality checks. */
final class SyntheticDocuments {

  private SyntheticDocuments() {}

  /** A light card with a photo box, rules and several lines of dark text. */
  static BufferedImage sharpCard(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(235, 225, 190));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(40, 40, 60));
    g.setStroke(new BasicStroke(Math.max(1, width / 400f)));
    g.drawRect(width / 20, height / 10, width / 4, height * 6 / 10);
    g.fillOval(width / 20 + width / 16, height / 10 + height / 12, width / 8, height / 5);
    int x = width / 3;
    float size = height / 18f;
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(size)));
    String[] lines = {
      "REPUBLICA DE COLOMBIA", "IDENTIFICACION PERSONAL", "CEDULA DE CIUDADANIA",
      "NUMERO 1.020.304.050", "APELLIDOS PEREZ GOMEZ", "NOMBRES MARIA JOSE"
    };
    for (int i = 0; i < lines.length; i++) {
      g.drawString(lines[i], x, height / 6 + Math.round(i * size * 1.9f));
      g.drawLine(
          x,
          height / 6 + Math.round(i * size * 1.9f + size * 0.4f),
          width - width / 20,
          height / 6 + Math.round(i * size * 1.9f + size * 0.4f));
    }
    g.dispose();
    return image;
  }

  /** {@code image} convolved with a normalised Gaussian of standard deviation {@code sigma}. */
  static BufferedImage gaussianBlur(BufferedImage image, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    int size = 2 * radius + 1;
    float[] row = new float[size];
    float total = 0;
    for (int i = 0; i < size; i++) {
      double d = i - radius;
      row[i] = (float) Math.exp(-d * d / (2 * sigma * sigma));
      total += row[i];
    }
    for (int i = 0; i < size; i++) {
      row[i] /= total;
    }
    // Separable: horizontal then vertical pass.
    BufferedImage horizontal =
        new ConvolveOp(new Kernel(size, 1, row), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    return new ConvolveOp(new Kernel(1, size, row), ConvolveOp.EDGE_NO_OP, null)
        .filter(horizontal, null);
  }

  /**
   * A cheap strong blur for large pictures: shrink by {@code factor}, then enlarge back,
   * bilinearly.
   */
  static BufferedImage resampleBlur(BufferedImage image, int factor) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage small = new BufferedImage(w / factor, h / factor, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, w / factor, h / factor, null);
    g.dispose();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(small, 0, 0, w, h, null);
    g.dispose();
    return out;
  }
}
