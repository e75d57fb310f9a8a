package io.idforge.identity.core.document.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.fixtures.ImageBombs;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The limits at their edges, and subsampling of pictures within them. */
class ImageLimitsTest {

  final ImageLimits limits = ImageLimits.defaults();

  @Test
  void theLargestPhonePhotosAndDocumentScansPass() {
    assertEquals(Optional.empty(), limits.violation(8_000, 6_000), "48 Mpx phone");
    assertEquals(Optional.empty(), limits.violation(6_000, 8_000), "portrait");
    assertEquals(Optional.empty(), limits.violation(12_000, 4_166), "side and pixels at the edge");
    assertEquals(Optional.empty(), limits.violation(10_000, 1_000), "exactly 10:1");
    assertEquals(Optional.empty(), limits.violation(1, 1));
  }

  @Test
  void eachLimitRefusesOnePixelBeyondIt() {
    assertEquals(Optional.of("12001x2000 has a side over 12000 px"), limits.violation(12_001, 2_000));
    assertEquals(Optional.of("7072x7071 is over 50000000 pixels"), limits.violation(7_072, 7_071));
    assertEquals(Optional.of("10001x1000 is more elongated than 10.0:1"), limits.violation(10_001, 1_000));
    assertEquals(Optional.of("1000x10001 is more elongated than 10.0:1"), limits.violation(1_000, 10_001));
    assertTrue(limits.violation(0, 100).isPresent());
    assertTrue(limits.violation(100, -1).isPresent());
  }

  @Test
  void nonsenseLimitsAreRejectedAtConfiguration() {
    assertThrows(IllegalArgumentException.class, () -> new ImageLimits(0, 100, 2));
    assertThrows(IllegalArgumentException.class, () -> new ImageLimits(100, 0, 2));
    assertThrows(IllegalArgumentException.class, () -> new ImageLimits(100, 100, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new ImageLimits(100, 100, Double.NaN));
  }

  @Test
  void subsamplingBringsEveryPictureWithinTheBudgetWithTheSmallestStep() {
    assertEquals(1, ImageDecoder.subsampling(6_000, 4_000, 40_000_000));
    assertEquals(2, ImageDecoder.subsampling(8_000, 6_000, 40_000_000), "48 Mpx -> 4000x3000");
    assertEquals(2, ImageDecoder.subsampling(12_000, 4_166, 16_000_000));
    // One step up when rounding up the subsampled sides would overshoot the budget.
    assertEquals(3, ImageDecoder.subsampling(3, 3, 1));
    assertEquals(2, ImageDecoder.subsampling(1_001, 1_000, 250_500));
    assertEquals(3, ImageDecoder.subsampling(1_001, 1_001, 250_500));
  }

  @Test
  void aPictureAboveTheBudgetIsDecodedSubsampledWithItsOriginalDimensions() {
    ImageDecoder decoder =
        new ImageDecoder(new ImageLimits(2_000_000, 2_000, 10), 100_000, new DecodeBulkhead(1, Duration.ZERO));
    ImageDecoding.Decoded d = assertInstanceOf(ImageDecoding.Decoded.class,
        decoder.decode(ImageBombs.encode(SyntheticDocuments.sharpCard(1_000, 700), "png")));
    assertEquals(1_000, d.width());
    assertEquals(700, d.height());
    assertTrue((long) d.image().getWidth() * d.image().getHeight() <= 100_000,
        d.image().getWidth() + "x" + d.image().getHeight());
    assertEquals(334, d.image().getWidth(), "step 3");
  }
}
