package io.idforge.identity.core.document.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Magic-byte sniffing, the upload gate and decoding, on pictures encoded by ImageIO here. */
class ImageUploadTest {

  static byte[] png;
  static byte[] jpeg;

  /** A minimal RIFF/WEBP header (VP8L chunk), as a browser would send. */
  static final byte[] WEBP = webpHeader();

  @BeforeAll
  static void encode() throws IOException {
    BufferedImage card = SyntheticDocuments.sharpCard(800, 500);
    png = encode(card, "png");
    jpeg = encode(card, "jpeg");
  }

  @Test
  void sniffsFormatsFromMagicBytes() {
    assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.sniff(png));
    assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.sniff(jpeg));
    assertEquals(Optional.of(ImageFormat.WEBP), ImageFormat.sniff(WEBP));
    assertEquals(
        Optional.empty(), ImageFormat.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        Optional.empty(),
        ImageFormat.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Optional.empty(), ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    assertEquals(Optional.empty(), ImageFormat.sniff(new byte[0]));
    assertEquals(Optional.empty(), ImageFormat.sniff(null));
  }

  @Test
  void theUploadGateClassifiesFiles() {
    assertEquals(UploadStatus.EMPTY, UploadCheck.check(new byte[0], 1_000_000));
    assertEquals(UploadStatus.EMPTY, UploadCheck.check(null, 1_000_000));
    assertEquals(UploadStatus.OK, UploadCheck.check(png, 10_000_000));
    assertEquals(UploadStatus.OK, UploadCheck.check(WEBP, 10_000_000));
    assertEquals(UploadStatus.TOO_LARGE, UploadCheck.check(jpeg, jpeg.length - 1));
    assertEquals(
        UploadStatus.NOT_AN_IMAGE,
        UploadCheck.check("GIF89a....".getBytes(StandardCharsets.US_ASCII), 1000));
    assertThrows(IllegalArgumentException.class, () -> UploadCheck.check(png, 0));
  }

  @Test
  void uploadStatusesMapToTheCatalogue() {
    assertEquals(Optional.of("empty_input_file"), UploadStatus.EMPTY.declinedReason());
    assertEquals(Optional.of("invalid_image_format"), UploadStatus.NOT_AN_IMAGE.declinedReason());
    assertEquals(Optional.empty(), UploadStatus.TOO_LARGE.declinedReason());
    assertEquals(Optional.empty(), UploadStatus.OK.declinedReason());
  }

  @Test
  void decodesJpegAndPngWithTheirOriginalSize() {
    for (byte[] bytes : new byte[][] {png, jpeg}) {
      ImageDecoding.Decoded decoded =
          assertInstanceOf(ImageDecoding.Decoded.class, ImageDecoder.withDefaults().decode(bytes));
      assertEquals(800, decoded.width());
      assertEquals(500, decoded.height());
      assertEquals(800, decoded.image().getWidth());
    }
  }

  @Test
  void subsamplesPicturesOverThePixelBudget() {
    ImageDecoding.Decoded decoded =
        assertInstanceOf(ImageDecoding.Decoded.class, new ImageDecoder(100_000).decode(png));
    assertEquals(800, decoded.width());
    assertEquals(500, decoded.height());
    assertEquals(400, decoded.image().getWidth()); // ceil(sqrt(400000 / 100000)) = 2
  }

  @Test
  void decodesWebp() throws IOException {
    // cwebp -q 80 -resize 500 315 of the generated cédula front (SyntheticDocuments.front).
    byte[] webp;
    try (var in = ImageUploadTest.class.getResourceAsStream("cedula-front.webp")) {
      webp = in.readAllBytes();
    }
    ImageDecoding.Decoded decoded =
        assertInstanceOf(ImageDecoding.Decoded.class, ImageDecoder.withDefaults().decode(webp));
    assertEquals(ImageFormat.WEBP, decoded.format());
    assertEquals(500, decoded.width());
    assertEquals(315, decoded.height());
    BufferedImage expected = new BufferedImage(500, 315, BufferedImage.TYPE_INT_RGB);
    var g = expected.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(io.idforge.identity.core.fixtures.SyntheticDocuments.front(false), 0, 0, 500, 315, null);
    g.dispose();
    double diff = 0;
    for (int y = 0; y < 315; y++) {
      for (int x = 0; x < 500; x++) {
        int a = decoded.image().getRGB(x, y);
        int b = expected.getRGB(x, y);
        diff += Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) + Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF))
            + Math.abs((a & 0xFF) - (b & 0xFF));
      }
    }
    double meanPerChannel = diff / (500.0 * 315 * 3);
    assertTrue(meanPerChannel < 8, "mean difference per channel " + meanPerChannel);
  }

  @Test
  void aWebpHeaderWithoutPictureIsCorrupt() {
    ImageDecoding.NotDecoded result =
        assertInstanceOf(ImageDecoding.NotDecoded.class, ImageDecoder.withDefaults().decode(WEBP));
    assertEquals(Optional.of(ImageFormat.WEBP), result.format());
    assertEquals(ImageDecoding.Problem.CORRUPT, result.problem());
  }

  @Test
  void reportsDamagedEmptyAndForeignFiles() {
    byte[] truncated = Arrays.copyOf(png, 40);
    ImageDecoding.NotDecoded damaged =
        assertInstanceOf(
            ImageDecoding.NotDecoded.class, ImageDecoder.withDefaults().decode(truncated));
    assertEquals(ImageDecoding.Problem.CORRUPT, damaged.problem());
    assertEquals("invalid_or_corrupted_image_file", damaged.declinedReason());
    assertEquals(
        ImageDecoding.Problem.EMPTY,
        ((ImageDecoding.NotDecoded) ImageDecoder.withDefaults().decode(new byte[0])).problem());
    assertEquals(
        ImageDecoding.Problem.NOT_AN_IMAGE,
        ((ImageDecoding.NotDecoded) ImageDecoder.withDefaults().decode(new byte[] {1, 2, 3}))
            .problem());
  }

  @Test
  void resolutionIsCheckedWhicheverWayRoundThePictureIs() {
    ResolutionCheck check = ResolutionCheck.withDefaults();
    assertEquals(true, check.check(640, 400).passed());
    assertEquals(true, check.check(400, 640).passed());
    assertEquals(true, check.check(4000, 3000).passed());
    ImageCheckResult small = check.check(639, 480);
    assertEquals(false, small.passed());
    assertEquals("blurry_image", small.declinedReason());
    assertEquals(false, check.check(1000, 399).passed());
    assertEquals(
        false,
        new ResolutionCheck(1280, 800).check(SyntheticDocuments.sharpCard(1000, 630)).passed());
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IllegalStateException("no ImageIO writer for " + format);
    }
    return out.toByteArray();
  }

  private static byte[] webpHeader() {
    byte[] bytes = new byte[30];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
    bytes[4] = 22; // RIFF size, little-endian
    System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
    bytes[16] = 10; // chunk size
    bytes[20] = 0x2F; // VP8L signature
    return bytes;
  }
}
