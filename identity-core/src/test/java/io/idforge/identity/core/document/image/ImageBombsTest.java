package io.idforge.identity.core.document.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.fixtures.ImageBombs;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each bomb shape of issue 9, generated here, is refused with the catalogue reason from its
 * declared dimensions, before decoding. Two proofs that no decode was attempted, neither a clock:
 *
 * <ul>
 *   <li>the decoder's only permit is held by the test, so an attempt to decode would throw {@link
 *       DecodeBusyException} instead of returning a refusal;
 *   <li>the decoding thread allocates less than {@link #NO_PIXELS} bytes. Before the limits the
 *       same files made the decoder allocate 29 MB (12,000 × 400 RGB) to 1.7 GB (1 × 200,000,000);
 *       {@link #theAllocationBoundSeesADecode} shows the bound catches a decode.
 * </ul>
 *
 * Wall time and memory per shape, before and after, come from {@link ImageBombBench}.
 */
class ImageBombsTest {

  /** Header parsing, reader and stream objects: well under this; any pixel buffer: far over. */
  static final long NO_PIXELS = 4_000_000;

  static final String REASON = "invalid_or_corrupted_image_file";

  static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @BeforeAll
  static void warmUp() {
    // ImageIO's registry, the readers and their native code load once per JVM; not per decode.
    ImageDecoder decoder = ImageDecoder.withDefaults();
    for (String format : new String[] {"png", "jpeg"}) {
      assertInstanceOf(ImageDecoding.Decoded.class,
          decoder.decode(ImageBombs.encode(SyntheticDocuments.sharpCard(64, 40), format)));
    }
    decoder.decode(ImageBombs.webpDeclaring(64, 40));
  }

  @Test
  void aPngOfOneByTwoHundredMillionPixelsIsRefused() {
    byte[] bomb = ImageBombs.blackPng(1, 200_000_000L);
    assertTrue(bomb.length < 400_000, "a 389 KB file, as in the attack: " + bomb.length);
    assertRefusedUndecoded(bomb, "1x200000000 has a side over 12000 px");
  }

  @Test
  void aPngOfThirtyThousandSquaredIsRefused() {
    assertRefusedUndecoded(ImageBombs.blackPng(30_000, 30_000), "30000x30000 has a side over 12000 px");
  }

  @Test
  void aJpegHeaderDeclaringGigapixelsIsRefused() {
    assertRefusedUndecoded(ImageBombs.jpegDeclaring(40_000, 40_000), "40000x40000 has a side over 12000 px");
  }

  @Test
  void aWebpHeaderDeclaringTheLargestWebpIsRefused() {
    // 41 bytes; TwelveMonkeys' reader spent minutes and 2 GB on it before the limits.
    assertRefusedUndecoded(ImageBombs.webpDeclaring(16_384, 16_384), "16384x16384 has a side over 12000 px");
  }

  @Test
  void aWebpFrameLargerThanItsDeclaredCanvasIsRefused() {
    // Readers report the 100 × 100 canvas of the VP8X header; the frame inside asks for 16384².
    assertRefusedUndecoded(ImageBombs.webpCanvasHidingFrame(100, 100, 16_384, 16_384),
        "16384x16384 has a side over 12000 px");
  }

  @Test
  void anExtremeAspectRatioIsRefusedThoughSmall() {
    // 4.8 megapixels and sides within the limit: only the aspect ratio refuses it.
    assertRefusedUndecoded(ImageBombs.solidRgbPng(12_000, 400, 200, 30, 30),
        "12000x400 is more elongated than 10.0:1");
  }

  @Test
  void aSolidColourDecompressionBombWithinTheSideLimitIsRefusedByItsPixelCount() {
    byte[] bomb = ImageBombs.solidRgbPng(12_000, 12_000, 200, 30, 30);
    assertTrue(bomb.length < 600_000, "432 MB of pixels in " + bomb.length + " bytes");
    assertRefusedUndecoded(bomb, "12000x12000 is over 50000000 pixels");
  }

  @Test
  void theAllocationBoundSeesADecode() {
    // The aspect-ratio bomb under limits that let it through: decoded, and far over the bound.
    ImageDecoder lenient =
        new ImageDecoder(new ImageLimits(50_000_000L, 12_000, 40), ImageDecoder.DEFAULT_MAX_PIXELS,
            new DecodeBulkhead(1, Duration.ZERO));
    byte[] picture = ImageBombs.solidRgbPng(12_000, 400, 200, 30, 30);
    long before = THREADS.getCurrentThreadAllocatedBytes();
    ImageDecoding outcome = lenient.decode(picture);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    ImageDecoding.Decoded d = assertInstanceOf(ImageDecoding.Decoded.class, outcome);
    assertEquals(0xC81E1E, d.image().getRGB(11_999, 399) & 0xFFFFFF, "the solid colour");
    // 12,000 × 400 × 3 bytes of raster alone is 14.4 MB.
    assertTrue(allocated > 3 * NO_PIXELS, "a decode allocates its pixels: " + allocated);
  }

  /**
   * Refused as out of limits with the catalogue reason and {@code detail}, by a decoder whose
   * only decoding permit is taken, allocating less than {@link #NO_PIXELS}.
   */
  static void assertRefusedUndecoded(byte[] bomb, String detail) {
    DecodeBulkhead bulkhead = new DecodeBulkhead(1, Duration.ZERO);
    ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults(), ImageDecoder.DEFAULT_MAX_PIXELS, bulkhead);
    try (DecodeBulkhead.Permit held = bulkhead.enter()) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      ImageDecoding outcome = decoder.decode(bomb);
      long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
      ImageDecoding.NotDecoded refused = assertInstanceOf(ImageDecoding.NotDecoded.class, outcome);
      assertEquals(ImageDecoding.Problem.OUT_OF_LIMITS, refused.problem());
      assertEquals(REASON, refused.declinedReason());
      assertEquals(detail, refused.detail());
      assertTrue(allocated < NO_PIXELS, "no pixel buffer: " + allocated + " bytes allocated");
    }
  }
}
