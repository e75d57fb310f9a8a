package io.idforge.identity.web.it;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.pdf417.PDF417Writer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Generated Colombian cédulas of a fictitious person (JUAN CARLOS PEREZ GOMEZ, 1020304050): a
 * front drawn with Java2D and a back carrying a PDF417 barcode in the layout the service reads.
 * No real person's document is used anywhere in the tests.
 */
final class SyntheticCedula {

  static final String NUMBER = "1020304050";

  private SyntheticCedula() {}

  /** Writes an image as PNG under {@code dir} and returns its absolute path (for file inputs). */
  static Path write(Path dir, String name, BufferedImage image) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png").toAbsolutePath();
    Files.write(file, png(image));
    return file;
  }

  static BufferedImage front(boolean blurred) {
    BufferedImage img = new BufferedImage(1000, 630, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(235, 240, 250));
    g.fillRect(0, 0, 1000, 630);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
    g.drawString("REPUBLICA DE COLOMBIA", 60, 80);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
    g.drawString("CEDULA DE CIUDADANIA  1.020.304.050", 60, 160);
    g.drawString("PEREZ GOMEZ", 60, 240);
    g.drawString("JUAN CARLOS", 60, 300);
    g.drawRect(700, 180, 220, 280);
    for (int i = 0; i < 20; i++) {
      g.drawLine(60, 360 + i * 12, 600, 360 + i * 12);
    }
    g.dispose();
    if (!blurred) {
      return img;
    }
    float[] k = new float[15 * 15];
    Arrays.fill(k, 1f / k.length);
    return new ConvolveOp(new Kernel(15, 15, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
  }

  static BufferedImage reverse(String birthYyyymmdd) throws Exception {
    String payload =
        "02" + "12345678" + "\0".repeat(14) + "PubDSK_1" + "\0".repeat(8) + "87654321" + "1020304050"
            + pad("PEREZ") + pad("GOMEZ") + pad("JUAN") + pad("CARLOS") + "0M" + birthYyyymmdd + "05" + "001" + "0"
            + "O+" + "\0";
    var matrix =
        new PDF417Writer()
            .encode(payload, BarcodeFormat.PDF_417, 900, 300,
                Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name(), EncodeHintType.MARGIN, 10));
    BufferedImage code = MatrixToImageWriter.toBufferedImage(matrix);
    BufferedImage img = new BufferedImage(1000, 630, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1000, 630);
    g.drawImage(code, 50, 250, null);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
    g.drawString("FECHA Y LUGAR DE NACIMIENTO", 60, 80);
    g.drawString("ESTATURA 1.75   G.S. RH O+   SEXO M", 60, 140);
    g.dispose();
    return img;
  }

  static String pad(String field) {
    return field + "\0".repeat(23 - field.length());
  }

  static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

}
