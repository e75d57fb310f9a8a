package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's structure and determinism; what an engine makes of it is the regression test's. */
class SyntheticEvalSetTest {

  @TempDir Path dir;

  private static List<SubjectFace> portraits() throws IOException {
    Path portraits = SubjectSources.defaultPortraits();
    assumeTrue(Files.isRegularFile(portraits.resolve("astronaut.png")),
        "portraits missing: run .ci/setup-portraits.sh (the build does)");
    return SubjectSources.portraits(portraits);
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherCards() throws IOException {
    List<SubjectFace> subjects = portraits();
    SyntheticEvalSet.generate(dir.resolve("a"), subjects, 7, 2, new ArrayList<>());
    SyntheticEvalSet.generate(dir.resolve("b"), subjects, 7, 2, new ArrayList<>());
    SyntheticEvalSet.generate(dir.resolve("c"), subjects, 8, 2, new ArrayList<>());
    for (String f : List.of("pairs.csv", "renditions.csv", "cards/astronaut-0.jpg",
        "cards/grace_hopper-1.jpg", "selfies/astronaut.jpg")) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)),
          Files.readAllBytes(dir.resolve("b").resolve(f)), f);
    }
    assertFalse(Files.readString(dir.resolve("a/renditions.csv"))
        .equals(Files.readString(dir.resolve("c/renditions.csv"))));
  }

  @Test
  void writesGenuineAndKnownImpostorPairsOverReadableImages() throws IOException {
    SyntheticEvalSet.Summary s =
        SyntheticEvalSet.generate(dir, portraits(), SyntheticEvalSet.DEFAULT_SEED, 3,
            new ArrayList<>(List.of("test note")));
    assertEquals(2, s.subjects());
    assertEquals(6, s.genuine());
    assertEquals(6, s.impostor());
    List<LabelledPair> pairs = PairsFile.read(dir);
    assertEquals(12, pairs.size());
    assertEquals(new LabelledPair("selfies/astronaut.jpg", "cards/astronaut-0.jpg", Label.GENUINE,
        Optional.of("astronaut")), pairs.get(0));
    assertTrue(pairs.contains(new LabelledPair("selfies/grace_hopper.jpg",
        "cards/astronaut-2.jpg", Label.IMPOSTOR, Optional.of("grace_hopper"))));
    for (LabelledPair p : pairs) {
      BufferedImage card = ImageIO.read(PairsFile.resolve(dir, p.right()).toFile());
      assertNotNull(card, p.right());
      assertTrue(card.getWidth() >= 640, "card scaled within 640..960 plus margins");
      assertNotNull(ImageIO.read(PairsFile.resolve(dir, p.left()).toFile()), p.left());
    }
    String readme = Files.readString(dir.resolve("README.txt"));
    assertTrue(readme.contains("says NOTHING about real"));
    assertTrue(readme.contains("Note: test note"));
    // Odd renditions carry a greyscale portrait, even ones a colour one.
    List<String> rows = Files.readAllLines(dir.resolve("renditions.csv"));
    assertTrue(rows.get(1).startsWith("cards/astronaut-0.jpg,false,"), rows.get(1));
    assertTrue(rows.get(2).startsWith("cards/astronaut-1.jpg,true,"), rows.get(2));
  }

  @Test
  void renditionsStayWithinTheProtocolsRanges() {
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < 500; i++) {
      Rendition r = Rendition.draw(rnd, false);
      assertTrue(Math.abs(r.angleDegrees()) <= 6);
      assertTrue(r.noiseSigma() >= 0 && r.noiseSigma() <= 6);
      assertTrue(r.jpegQuality() >= 35 && r.jpegQuality() <= 90);
      assertTrue(r.contrast() >= 0.75 && r.contrast() <= 1.15);
      assertTrue(Math.abs(r.brightness()) <= 25);
    }
  }

  @Test
  void groupPhotoFacesAreImpostorsOnlyWithinTheirPhotoOrAgainstAPortrait() throws IOException {
    List<SubjectFace> subjects = new ArrayList<>(portraits());
    BufferedImage photo = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    byte[] jpeg = CaptureEffects.jpeg(photo, 90);
    // A fake locator: two faces in every photo, one too small to use.
    FaceLocator locator = img -> List.of(new Rectangle(220, 100, 60, 60),
        new Rectangle(40, 100, 60, 60), new Rectangle(150, 20, 20, 20));
    subjects.addAll(SubjectSources.groupPhotos(
        Map.of("sampleA", jpeg, "sampleB", jpeg), locator));
    assertEquals(List.of("astronaut", "grace_hopper", "sampleA-0", "sampleA-1", "sampleB-0",
        "sampleB-1"), subjects.stream().map(SubjectFace::id).sorted().toList());
    SubjectFace a0 = find(subjects, "sampleA-0");
    assertTrue(a0.knownDifferentFrom(find(subjects, "sampleA-1")));
    assertTrue(a0.knownDifferentFrom(find(subjects, "astronaut")));
    assertFalse(a0.knownDifferentFrom(find(subjects, "sampleB-0")), "identity unknown across photos");
    assertFalse(a0.knownDifferentFrom(a0));
    // 3:4 portrait crop 1.9 face widths wide; the selfie crop blanks the other face.
    assertEquals(114, a0.portrait().getWidth());
    assertEquals(152, a0.portrait().getHeight());
    SyntheticEvalSet.Summary s = SyntheticEvalSet.generate(dir, subjects, 1, 1, new ArrayList<>());
    // Ordered impostor pairs, one card each: each portrait's selfie against the 5 others (10),
    // each group face's selfie against the 2 portraits (8), within each photo 2 (4).
    assertEquals(6, s.genuine());
    assertEquals(2 * 5 + 4 * 2 + 2 * 2, s.impostor());
  }

  private static SubjectFace find(List<SubjectFace> subjects, String id) {
    return subjects.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
