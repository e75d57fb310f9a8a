package io.idforge.identity.face.eval;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Draws a fictitious ID card ("REPUBLIC OF SPECIMEN") around a portrait: colour-gradient
 * background, guilloche-like rosettes and waves, printed fields with made-up data, the portrait
 * box and optionally a ghost image. Card size is ID-1 (85.6 × 54 mm) at 10 px/mm.
 */
public final class IdCardRenderer {

  public static final int WIDTH = 856;
  public static final int HEIGHT = 540;

  /** The portrait box: 3:4, as on most ID cards. */
  static final int PORTRAIT_X = 40;
  static final int PORTRAIT_Y = 112;
  static final int PORTRAIT_W = 240;
  static final int PORTRAIT_H = 320;

  private static final List<String> SURNAMES =
      List.of("MUSTERMANN", "PUBLIC", "SPECIMEN", "EXAMPLE", "SAMPLE", "MODELO", "MUESTRA");
  private static final List<String> GIVEN =
      List.of("ALEX", "SAM", "JORDAN", "ROBIN", "CAMERON", "ANDREA", "NOA", "KIM");

  private IdCardRenderer() {}

  /** The card with {@code portrait} (any size, scaled to cover the box) and {@code r}'s style. */
  public static BufferedImage render(BufferedImage portrait, Rendition r, Random rnd) {
    BufferedImage card = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = card.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    Color light = Color.getHSBColor(r.hue(), 0.18f, 0.97f);
    Color other = Color.getHSBColor((r.hue() + 0.15f) % 1f, 0.28f, 0.90f);
    g.setPaint(new GradientPaint(0, 0, light, WIDTH, HEIGHT, other));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    guilloche(g, Color.getHSBColor((r.hue() + 0.5f) % 1f, 0.45f, 0.65f), rnd);

    Color ink = Color.getHSBColor(r.hue(), 0.7f, 0.35f);
    g.setColor(ink);
    g.fillRect(0, 0, WIDTH, 84);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
    g.drawString("REPUBLIC OF SPECIMEN", 40, 46);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
    g.drawString("IDENTITY CARD  /  CARTE D'IDENTITE  /  NOT A REAL DOCUMENT", 40, 74);

    BufferedImage face = r.greyPortrait() ? grey(portrait) : portrait;
    g.drawImage(face, PORTRAIT_X, PORTRAIT_Y, PORTRAIT_W, PORTRAIT_H, null);
    g.setColor(ink);
    g.setStroke(new BasicStroke(2f));
    g.drawRect(PORTRAIT_X, PORTRAIT_Y, PORTRAIT_W, PORTRAIT_H);
    overprint(g, ink);

    fields(g, ink, rnd);
    if (r.ghost()) {
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.28f));
      g.drawImage(grey(portrait), 700, 330, 105, 140, null);
      g.setComposite(AlphaComposite.SrcOver);
    }
    g.dispose();
    return card;
  }

  private static void fields(Graphics2D g, Color ink, Random rnd) {
    String[][] fields = {
      {"SURNAME", SURNAMES.get(rnd.nextInt(SURNAMES.size()))},
      {"GIVEN NAMES", GIVEN.get(rnd.nextInt(GIVEN.size())) + " " + GIVEN.get(rnd.nextInt(GIVEN.size()))},
      {"DATE OF BIRTH", String.format(Locale.ROOT, "%02d.%02d.%d", 1 + rnd.nextInt(28),
          1 + rnd.nextInt(12), 1940 + rnd.nextInt(65))},
      {"DOCUMENT NO.", String.format(Locale.ROOT, "X%08d", rnd.nextInt(100_000_000))},
      {"EXPIRY", String.format(Locale.ROOT, "%02d.%02d.%d", 1 + rnd.nextInt(28),
          1 + rnd.nextInt(12), 2027 + rnd.nextInt(10))}
    };
    Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    Font value = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    int y = 130;
    for (String[] f : fields) {
      g.setColor(ink);
      g.setFont(label);
      g.drawString(f[0], 320, y);
      g.setColor(Color.BLACK);
      g.setFont(value);
      g.drawString(f[1], 320, y + 28);
      y += 66;
    }
    // A signature-like squiggle under the portrait.
    Path2D sig = new Path2D.Double();
    sig.moveTo(60, 480);
    for (int i = 1; i <= 12; i++) {
      sig.lineTo(60 + i * 16, 470 + rnd.nextInt(20));
    }
    g.setStroke(new BasicStroke(2f));
    g.draw(sig);
  }

  /** Faint security lines printed over the portrait, as on many cards. */
  private static void overprint(Graphics2D g, Color ink) {
    g.setColor(new Color(ink.getRed(), ink.getGreen(), ink.getBlue(), 45));
    g.setStroke(new BasicStroke(1f));
    for (int w = 0; w < 5; w++) {
      Path2D p = new Path2D.Double();
      double base = PORTRAIT_Y + 40 + w * 60;
      for (int x = PORTRAIT_X - 10; x <= PORTRAIT_X + PORTRAIT_W + 10; x += 4) {
        double y = base + 12 * Math.sin(x / 23.0 + w);
        if (x == PORTRAIT_X - 10) {
          p.moveTo(x, y);
        } else {
          p.lineTo(x, y);
        }
      }
      g.draw(p);
    }
  }

  /** Two hypotrochoid rosettes and a band of sine waves in thin translucent lines. */
  private static void guilloche(Graphics2D g, Color line, Random rnd) {
    g.setColor(new Color(line.getRed(), line.getGreen(), line.getBlue(), 90));
    g.setStroke(new BasicStroke(0.8f));
    for (int k = 0; k < 2; k++) {
      double cx = 560 + k * 170 + rnd.nextInt(40);
      double cy = 300 + rnd.nextInt(80);
      double big = 120 + rnd.nextInt(40);
      double small = 17 + rnd.nextInt(9);
      double d = 40 + rnd.nextInt(30);
      Path2D p = new Path2D.Double();
      for (int i = 0; i <= 2400; i++) {
        double t = i * Math.PI * 2 * small / 2400 * 4;
        double x = cx + (big - small) * Math.cos(t) + d * Math.cos((big - small) / small * t);
        double y = cy + (big - small) * Math.sin(t) - d * Math.sin((big - small) / small * t);
        if (i == 0) {
          p.moveTo(x, y);
        } else {
          p.lineTo(x, y);
        }
      }
      g.draw(p);
    }
    double phase = rnd.nextDouble() * Math.PI;
    for (int w = 0; w < 18; w++) {
      Path2D p = new Path2D.Double();
      double base = 100 + w * 24;
      for (int x = 0; x <= WIDTH; x += 6) {
        double y = base + 9 * Math.sin(x / 37.0 + phase + w * 0.4);
        if (x == 0) {
          p.moveTo(x, y);
        } else {
          p.lineTo(x, y);
        }
      }
      g.draw(p);
    }
  }

  static BufferedImage grey(BufferedImage src) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    int[] px = src.getRGB(0, 0, src.getWidth(), src.getHeight(), null, 0, src.getWidth());
    for (int i = 0; i < px.length; i++) {
      int c = px[i];
      int y = (int) Math.round(0.299 * (c >> 16 & 255) + 0.587 * (c >> 8 & 255) + 0.114 * (c & 255));
      px[i] = y << 16 | y << 8 | y;
    }
    out.setRGB(0, 0, src.getWidth(), src.getHeight(), px, 0, src.getWidth());
    return out;
  }
}
