package io.idforge.identity.face.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceComparison.Verdict;
import io.idforge.identity.core.document.image.JpegFixtures;
import io.idforge.identity.core.fixtures.ImageBombs;
import io.idforge.identity.face.engine.FaceAnalysis.Outcome;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipeline end to end on the two public-domain portraits (Eileen Collins, NASA; Grace Hopper,
 * US Navy) and pictures derived from them. Distances are dlib descriptor distances: the same photo
 * in another encoding stays near 0, a document rendition of it below 0.45, the other person above
 * 0.6 (the regression gates of the feasibility notes).
 */
class FaceEngineTest {

  static FaceEngine engine;
  static BufferedImage astronaut;
  static BufferedImage grace;
  static FaceAnalysis astronautFace;
  static FaceAnalysis graceFace;

  @BeforeAll
  static void open() throws Exception {
    assumeTrue(TestModels.complete(), "face models not available");
    assumeTrue(TestModels.portraits().isPresent(), "portraits missing: .ci/setup-portraits.sh");
    engine = FaceEngine.open(TestModels.source(), TestModels.settings());
    astronaut = Pictures.portrait("astronaut.png");
    grace = Pictures.portrait("grace_hopper.jpg");
    astronautFace = engine.analyse(Pictures.bytes("astronaut.png"), Role.SELFIE);
    graceFace = engine.analyse(Pictures.bytes("grace_hopper.jpg"), Role.SELFIE);
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void findsOneFaceInEachPortrait() {
    assertEquals(Outcome.FACE, astronautFace.outcome(), astronautFace.detail());
    assertEquals(Outcome.FACE, graceFace.outcome(), graceFace.detail());
    assertEquals(1, astronautFace.facesFound());
    assertEquals(128, astronautFace.descriptor().length);
    // Eileen Collins' face is in the upper middle of the 512×512 picture.
    FaceBox box = astronautFace.face().orElseThrow();
    assertTrue(box.x1() > 150 && box.x2() < 300 && box.y1() > 30 && box.y2() < 200, box::toString);
  }

  @Test
  void differentPeopleAreFarApart() {
    double d = astronautFace.distanceTo(graceFace);
    assertTrue(d > 0.6, "astronaut vs grace_hopper distance " + d);
  }

  @ParameterizedTest
  @ValueSource(ints = {-6, 0, 6})
  void documentRenditionsOfTheSamePhotoMatch(int degrees) throws Exception {
    byte[] card = Pictures.documentRendition(astronaut, astronautFace.face().get(), degrees, 7);
    FaceAnalysis portrait = engine.analyse(card, Role.DOCUMENT);
    assertEquals(Outcome.FACE, portrait.outcome(), portrait.detail());
    assertTrue(astronautFace.distanceTo(portrait) < 0.45,
        "astronaut vs its rendition " + astronautFace.distanceTo(portrait));
    assertTrue(graceFace.distanceTo(portrait) > 0.6,
        "grace_hopper vs astronaut rendition " + graceFace.distanceTo(portrait));
    FaceComparison same = engine.compare(Pictures.bytes("astronaut.png"), card);
    assertEquals(Verdict.COMPARED, same.verdict(), same.detail());
    assertTrue(same.similarity() >= 0.65, "similarity " + same.similarity());
    FaceComparison other = engine.compare(Pictures.bytes("grace_hopper.jpg"), card);
    assertEquals(Verdict.COMPARED, other.verdict());
    assertTrue(other.similarity() < 0.65, "impostor similarity " + other.similarity());
  }

  @Test
  void documentPicksTheLargestFaceNotTheGhostPortrait() throws Exception {
    byte[] card = Pictures.documentRendition(grace, graceFace.face().get(), 0, 3);
    FaceAnalysis portrait = engine.analyse(card, Role.DOCUMENT);
    assertEquals(Outcome.FACE, portrait.outcome(), portrait.detail());
    // The main portrait is 260 px high, the ghost 70 px: the chosen face must be the main one.
    assertTrue(portrait.face().get().width() > 60, portrait.detail());
    assertTrue(portrait.face().get().x2() < 400, "chose a face right of the main portrait");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
  void exifRotatedSelfieGivesTheSameFace(int orientation) throws Exception {
    // 512×592: whole 16 px blocks whichever way round, so only the (asymmetric) quantisation of
    // turned blocks differs between the two encodings.
    BufferedImage upright = grace.getSubimage(0, 0, 512, 592);
    byte[] plain = Pictures.jpeg(upright, 0.97f);
    byte[] rotated = JpegFixtures.oriented(upright, orientation, orientation % 2 == 0, 0.97f);
    FaceAnalysis a = engine.analyse(plain, Role.SELFIE);
    FaceAnalysis b = engine.analyse(rotated, Role.SELFIE);
    assertEquals(Outcome.FACE, b.outcome(), b.detail());
    FaceBox boxA = a.face().get();
    FaceBox boxB = b.face().get();
    assertEquals(boxA.x1(), boxB.x1(), 3);
    assertEquals(boxA.y1(), boxB.y1(), 3);
    double d = a.distanceTo(b);
    assertTrue(d < 0.05, "upright vs EXIF-" + orientation + " distance " + d);
  }

  @ParameterizedTest
  @EnumSource(JpegFixtures.FourComponent.class)
  void cmykJpegsDecodeAndMatch(JpegFixtures.FourComponent kind) throws Exception {
    byte[] cmyk = JpegFixtures.fourComponent(grace, kind, 0.92f);
    FaceAnalysis a = engine.analyse(cmyk, Role.SELFIE);
    assertEquals(Outcome.FACE, a.outcome(), a.detail());
    double d = graceFace.distanceTo(a);
    assertTrue(d < 0.15, kind + " vs the RGB original " + d);
  }

  @Test
  void greyscaleJpegAndPngMatch() throws Exception {
    BufferedImage grey = Pictures.grey(astronaut);
    for (byte[] bytes : List.of(Pictures.jpeg(grey, 0.85f), Pictures.png(grey))) {
      FaceAnalysis a = engine.analyse(bytes, Role.SELFIE);
      assertEquals(Outcome.FACE, a.outcome(), a.detail());
      assertTrue(astronautFace.distanceTo(a) < 0.45, "grey " + astronautFace.distanceTo(a));
    }
  }

  @Test
  void pngWithAlphaMatches() throws Exception {
    BufferedImage argb = new BufferedImage(grace.getWidth(), grace.getHeight(),
        BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < argb.getHeight(); y++) {
      for (int x = 0; x < argb.getWidth(); x++) {
        // Opaque picture with a transparent 20 px frame.
        boolean frame = x < 20 || y < 20 || x >= argb.getWidth() - 20 || y >= argb.getHeight() - 20;
        argb.setRGB(x, y, (frame ? 0 : 0xFF000000) | (grace.getRGB(x, y) & 0xFFFFFF));
      }
    }
    FaceAnalysis a = engine.analyse(Pictures.png(argb), Role.SELFIE);
    assertEquals(Outcome.FACE, a.outcome(), a.detail());
    assertTrue(graceFace.distanceTo(a) < 0.1, "alpha PNG " + graceFace.distanceTo(a));
  }

  @Test
  void aTextureIsNoFace() throws Exception {
    byte[] texture = Pictures.png(Pictures.texture(640, 480, 1));
    FaceComparison c = engine.compare(texture, Pictures.bytes("grace_hopper.jpg"));
    assertEquals(Verdict.NO_FACE_IN_SELFIE, c.verdict());
    assertEquals(0, c.similarity());
    FaceComparison doc = engine.compare(Pictures.bytes("grace_hopper.jpg"), texture);
    assertEquals(Verdict.NO_FACE_ON_DOCUMENT, doc.verdict());
  }

  @Test
  void twoFacesSideBySideAreRejectedForSelfies() throws Exception {
    byte[] two = Pictures.jpeg(Pictures.sideBySide(astronaut, grace), 0.9f);
    FaceComparison c = engine.compare(two, Pictures.bytes("grace_hopper.jpg"));
    assertEquals(Verdict.MULTIPLE_FACES_IN_SELFIE, c.verdict(), c.detail());
    // On a document the largest face wins instead.
    FaceAnalysis doc = engine.analyse(two, Role.DOCUMENT);
    assertEquals(Outcome.FACE, doc.outcome());
    assertTrue(graceFace.distanceTo(doc) < 0.1);
  }

  @Test
  void aTinyFaceIsTooSmallAndTheDetailStatesTheFloor() throws Exception {
    byte[] tiny = Pictures.jpeg(Pictures.shrunkOnCanvas(astronaut, 0.4), 0.9f);
    FaceComparison c = engine.compare(tiny, Pictures.bytes("grace_hopper.jpg"));
    assertEquals(Verdict.FACE_TOO_SMALL, c.verdict(), c.detail());
    assertTrue(c.detail().contains(FaceEngineSettings.DEFAULT_MIN_SELFIE_FACE + " px"),
        c.detail());
  }

  @Test
  void aTinyDocumentPortraitIsUnclear() throws Exception {
    byte[] tiny = Pictures.jpeg(Pictures.shrunkOnCanvas(astronaut, 0.2), 0.9f);
    FaceAnalysis a = engine.analyse(tiny, Role.DOCUMENT);
    assumeTrue(a.outcome() != Outcome.NO_FACE, "detector missed the 18 px face entirely");
    FaceComparison c = engine.compare(Pictures.bytes("grace_hopper.jpg"), tiny);
    assertEquals(Verdict.DOCUMENT_FACE_UNCLEAR, c.verdict(), c.detail());
    assertTrue(c.detail().contains("floor"), c.detail());
  }

  @Test
  void aHeavilyBlurredFaceIsUnclear() throws Exception {
    byte[] blurred = Pictures.jpeg(Pictures.blurred(grace, 5, 2), 0.9f);
    FaceAnalysis a = engine.analyse(blurred, Role.SELFIE);
    assertEquals(Outcome.UNCLEAR, a.outcome(), a.detail());
    FaceComparison selfie = engine.compare(blurred, Pictures.bytes("grace_hopper.jpg"));
    assertEquals(Verdict.FACE_TOO_SMALL, selfie.verdict());
    assertTrue(selfie.detail().contains("unclear"), selfie.detail());
    FaceComparison doc = engine.compare(Pictures.bytes("grace_hopper.jpg"), blurred);
    assertEquals(Verdict.DOCUMENT_FACE_UNCLEAR, doc.verdict());
    assertTrue(doc.detail().contains("unclear"), doc.detail());
  }

  @Test
  void compressedPortraitsStaySharpEnough() throws Exception {
    // The blur floor must not reject the portraits themselves, even at JPEG quality 0.1.
    for (BufferedImage p : List.of(astronaut, grace)) {
      for (float q : new float[] {0.9f, 0.3f, 0.1f}) {
        FaceAnalysis a = engine.analyse(Pictures.jpeg(p, q), Role.SELFIE);
        assertEquals(Outcome.FACE, a.outcome(), "quality " + q + ": " + a.detail());
      }
    }
  }

  @Test
  void undecodableBytesAreUnreadable() throws Exception {
    byte[] broken = Pictures.bytes("grace_hopper.jpg");
    broken = java.util.Arrays.copyOf(broken, 200);
    assertEquals(Verdict.UNREADABLE_IMAGE,
        engine.compare(broken, Pictures.bytes("grace_hopper.jpg")).verdict());
    assertEquals(Verdict.UNREADABLE_IMAGE,
        engine.compare(Pictures.bytes("grace_hopper.jpg"), new byte[] {1, 2, 3}).verdict());
  }

  @Test
  void picturesBeyondTheImageLimitsAreUnreadableWithoutBeingDecoded() throws Exception {
    byte[] grace = Pictures.bytes("grace_hopper.jpg");
    FaceComparison bomb = engine.compare(ImageBombs.jpegDeclaring(40_000, 40_000), grace);
    assertEquals(Verdict.UNREADABLE_IMAGE, bomb.verdict());
    assertEquals("selfie image not decodable: out_of_limits (40000x40000 has a side over 12000 px)",
        bomb.detail());
    assertEquals(Verdict.UNREADABLE_IMAGE,
        engine.compare(grace, ImageBombs.solidRgbPng(12_000, 400, 200, 30, 30)).verdict(),
        "a document picture more elongated than 10:1");
  }

  @Test
  void aPictureAboveThePixelBudgetIsSubsampledAndStillMatches() throws Exception {
    FaceEngineSettings small = new FaceEngineSettings(TestModels.workDir(), 1,
        FaceEngineSettings.DEFAULT_DETECTION_THRESHOLD, 40, 40,
        FaceEngineSettings.DEFAULT_MIN_SHARPNESS, FaceEngineSettings.DEFAULT_MIN_DOCUMENT_SHARPNESS,
        200_000);
    try (FaceEngine budget = FaceEngine.open(TestModels.source(), small)) {
      byte[] big = Pictures.jpeg(Pictures.scaled(grace, 2.0), 0.9f); // 1024×1200 = 1.2 MP
      FaceAnalysis a = budget.analyse(big, Role.SELFIE);
      assertEquals(Outcome.FACE, a.outcome(), a.detail());
      assertTrue(a.face().get().width() < 200, "decoded at most at 1/2 scale: " + a.detail());
      assertTrue(graceFace.distanceTo(a) < 0.2);
    }
  }

  @Test
  void sessionsAreSharedSafelyAcrossThreads() throws Exception {
    byte[] bytes = Pictures.bytes("grace_hopper.jpg");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<FaceAnalysis>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> engine.analyse(bytes, Role.SELFIE)));
      }
      for (Future<FaceAnalysis> f : results) {
        assertEquals(0.0, graceFace.distanceTo(f.get()), 1e-5);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theDefaultOpenAndTheRawDistanceAgreeWithCompare() throws Exception {
    try (FaceEngine plain = FaceEngine.open(TestModels.source())) {
      byte[] card = Pictures.documentRendition(grace, graceFace.face().get(), 2, 11);
      double d = plain.distance(Pictures.bytes("grace_hopper.jpg"), card).orElseThrow();
      FaceComparison c = plain.compare(Pictures.bytes("grace_hopper.jpg"), card);
      assertEquals(SimilarityScale.similarity(d), c.similarity(), 1e-12);
      assertTrue(plain.distance(Pictures.png(Pictures.texture(320, 240, 2)), card).isEmpty());
    }
  }

  @Test
  void distanceIsEuclidean() {
    assertEquals(5.0, FaceEngine.distance(new float[] {0, 3}, new float[] {4, 0}), 1e-9);
    assertFalse(astronautFace.toString().contains("0."), "toString must not print descriptors");
  }
}
