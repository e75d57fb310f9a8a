package io.idforge.identity.core.document.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** EXIF orientation and four-component JPEGs, on pictures made by {@link JpegFixtures}. */
class JpegVariantsTest {

  /** 120×80 with four distinct quadrant colours: every flip and turn gives a different layout. */
  static BufferedImage quadrants() {
    BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 60, 40);
    g.setColor(Color.GREEN);
    g.fillRect(60, 0, 60, 40);
    g.setColor(Color.BLUE);
    g.fillRect(0, 40, 60, 40);
    g.setColor(Color.WHITE);
    g.fillRect(60, 40, 60, 40);
    g.dispose();
    return image;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyExifOrientationDecodesUpright(int orientation) {
    BufferedImage upright = quadrants();
    for (boolean little : new boolean[] {true, false}) {
      byte[] jpeg = JpegFixtures.oriented(upright, orientation, little, 0.95f);
      assertEquals(orientation, JpegHeader.parse(jpeg).orientation());
      ImageDecoding.Decoded d =
          assertInstanceOf(ImageDecoding.Decoded.class, ImageDecoder.withDefaults().decode(jpeg));
      assertEquals(120, d.width());
      assertEquals(80, d.height());
      assertEquals(120, d.image().getWidth());
      assertEquals(80, d.image().getHeight());
      assertClose(Color.RED, d.image().getRGB(30, 20));
      assertClose(Color.GREEN, d.image().getRGB(90, 20));
      assertClose(Color.BLUE, d.image().getRGB(30, 60));
      assertClose(Color.WHITE, d.image().getRGB(90, 60));
    }
  }

  @Test
  void storedRotationIsReallyRotated() {
    // Guards the fixture itself: orientation 6 stores the picture turned a quarter to the left.
    BufferedImage stored = JpegFixtures.stored(quadrants(), 6);
    assertEquals(80, stored.getWidth());
    assertEquals(120, stored.getHeight());
    assertEquals(Color.GREEN.getRGB(), stored.getRGB(20, 30)); // top right went to top left
  }

  @Test
  void headerWithoutExifHasOrientationOne() {
    byte[] jpeg = JpegFixtures.jpeg(quadrants(), 0.9f);
    JpegHeader header = JpegHeader.parse(jpeg);
    assertEquals(1, header.orientation());
    assertEquals(3, header.components());
    assertEquals(-1, header.adobeTransform());
    assertEquals(1, JpegHeader.parse(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}).orientation());
  }

  @ParameterizedTest
  @EnumSource(JpegFixtures.FourComponent.class)
  void fourComponentJpegsDecodeToTheirColours(JpegFixtures.FourComponent kind) {
    byte[] jpeg = JpegFixtures.fourComponent(quadrants(), kind, 0.95f);
    assertEquals(4, JpegHeader.parse(jpeg).components());
    ImageDecoding.Decoded d =
        assertInstanceOf(ImageDecoding.Decoded.class, ImageDecoder.withDefaults().decode(jpeg));
    assertClose(Color.RED, d.image().getRGB(30, 20));
    assertClose(Color.GREEN, d.image().getRGB(90, 20));
    assertClose(Color.BLUE, d.image().getRGB(30, 60));
    assertClose(Color.WHITE, d.image().getRGB(90, 60));
  }

  @Test
  void greyJpegDecodesToItsStoredLevels() {
    // Raster samples, not getRGB: Java2D treats TYPE_BYTE_GRAY as linear and would re-gamma it.
    BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        grey.getRaster().setSample(x, y, 0, x < 32 ? 200 : 20);
      }
    }
    byte[] jpeg = JpegFixtures.jpeg(grey, 0.95f);
    assertEquals(1, JpegHeader.parse(jpeg).components());
    ImageDecoding.Decoded d =
        assertInstanceOf(ImageDecoding.Decoded.class, ImageDecoder.withDefaults().decode(jpeg));
    assertEquals(1, d.image().getRaster().getNumBands());
    assertTrue(Math.abs(d.image().getRaster().getSample(10, 10, 0) - 200) < 6);
    assertTrue(Math.abs(d.image().getRaster().getSample(50, 10, 0) - 20) < 6);
  }

  private static void assertClose(Color expected, int rgb) {
    Color actual = new Color(rgb);
    int diff = Math.abs(expected.getRed() - actual.getRed())
        + Math.abs(expected.getGreen() - actual.getGreen())
        + Math.abs(expected.getBlue() - actual.getBlue());
    assertTrue(diff < 40, "expected " + expected + " but was " + actual);
  }
}
