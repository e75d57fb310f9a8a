package io.idforge.identity.face.eval;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Where the synthetic set's subjects come from: the two public-domain portraits (fixed face
 * boxes, one person each) and, when a detector is at hand, every face of face-api's demo group
 * photos (each cut out alone: the other faces of the photo are blanked in its crops).
 */
public final class SubjectSources {

  /** The public-domain portraits and their face boxes (brows to chin), measured by eye. */
  static final Map<String, Rectangle> PORTRAITS =
      Map.of(
          "astronaut.png", new Rectangle(176, 68, 98, 116),
          "grace_hopper.jpg", new Rectangle(172, 150, 190, 190));

  /** Faces narrower than this (pixels) are too small to make a card portrait from. */
  static final int MIN_FACE = 40;

  private static final Color BLANK = new Color(128, 128, 128);

  private SubjectSources() {}

  /** The portraits folder: system property {@code face.portraits}, else the build's default. */
  public static Path defaultPortraits() {
    String configured = System.getProperty("face.portraits");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "idforge", "portraits");
  }

  /** Eileen Collins ({@code astronaut}) and Grace Hopper ({@code grace_hopper}). */
  public static List<SubjectFace> portraits(Path dir) throws IOException {
    List<SubjectFace> subjects = new ArrayList<>();
    for (String file : List.of("astronaut.png", "grace_hopper.jpg")) {
      BufferedImage photo = ImageIO.read(dir.resolve(file).toFile());
      if (photo == null) {
        throw new IOException("not an image: " + dir.resolve(file));
      }
      photo = rgb(photo);
      String id = file.substring(0, file.indexOf('.'));
      Rectangle box = PORTRAITS.get(file);
      subjects.add(new SubjectFace(id, id, true, photo, box.width,
          crop(photo, portraitCrop(box), List.of())));
    }
    return subjects;
  }

  /**
   * One subject per face that {@code locator} finds in each photo and that is at least {@link
   * #MIN_FACE} wide, numbered left to right ({@code sample3-0}, {@code sample3-1}, …).
   */
  public static List<SubjectFace> groupPhotos(Map<String, byte[]> photos, FaceLocator locator)
      throws IOException {
    List<SubjectFace> subjects = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : photos.entrySet()) {
      BufferedImage photo = ImageIO.read(new ByteArrayInputStream(e.getValue()));
      if (photo == null) {
        throw new IOException("not an image: " + e.getKey());
      }
      photo = rgb(photo);
      List<Rectangle> boxes = new ArrayList<>(locator.locate(photo));
      boxes.sort(Comparator.<Rectangle>comparingInt(r -> r.x).thenComparingInt(r -> r.y));
      int n = 0;
      for (Rectangle box : boxes) {
        if (box.width < MIN_FACE) {
          continue;
        }
        List<Rectangle> others = boxes.stream().filter(b -> b != box).toList();
        subjects.add(
            new SubjectFace(
                e.getKey() + "-" + n++,
                e.getKey(),
                false,
                crop(photo, selfieCrop(box), others),
                box.width,
                crop(photo, portraitCrop(box), others)));
      }
    }
    return subjects;
  }

  /** A 3:4 crop 1.9 face widths wide with the face centre at 45 % of its height. */
  static Rectangle portraitCrop(Rectangle face) {
    int w = (int) Math.round(face.width * 1.9);
    int h = w * 4 / 3;
    int cx = face.x + face.width / 2;
    int cy = face.y + face.height / 2;
    return new Rectangle(cx - w / 2, cy - (int) Math.round(h * 0.45), w, h);
  }

  /** A selfie-like crop: three face widths wide, a little taller, face centred. */
  static Rectangle selfieCrop(Rectangle face) {
    int w = face.width * 3;
    int h = (int) Math.round(w * 1.15);
    int cx = face.x + face.width / 2;
    int cy = face.y + face.height / 2;
    return new Rectangle(cx - w / 2, cy - h / 2, w, h);
  }

  /**
   * The region {@code r} of {@code src} (grey outside the picture), with the {@code others} faces
   * (enlarged by a fifth) blanked so that each crop holds one face only.
   */
  static BufferedImage crop(BufferedImage src, Rectangle r, List<Rectangle> others) {
    BufferedImage out = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(BLANK);
    g.fillRect(0, 0, r.width, r.height);
    g.drawImage(src, -r.x, -r.y, null);
    for (Rectangle o : others) {
      int dx = o.width / 10;
      int dy = o.height / 10;
      g.fillRect(o.x - dx - r.x, o.y - dy - r.y, o.width + 2 * dx, o.height + 2 * dy);
    }
    g.dispose();
    return out;
  }

  static BufferedImage rgb(BufferedImage img) {
    if (img.getType() == BufferedImage.TYPE_INT_RGB) {
      return img;
    }
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }
}
