package io.idforge.identity.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.core.document.image.DecodeBulkhead;
import io.idforge.identity.core.document.image.DecodeBusyException;
import io.idforge.identity.core.document.image.ImageDecoder;
import io.idforge.identity.core.document.image.ImageLimits;
import io.idforge.identity.face.engine.ModelSource;
import io.idforge.identity.face.engine.Pictures;
import io.idforge.identity.face.engine.TestModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDI adapter outside a container: availability, failure modes, one real comparison. */
class OnnxFaceMatcherTest {

  @TempDir Path empty;

  @Test
  void withoutModelsItIsUnavailableAndNeverCompares() {
    OnnxFaceMatcher m = OnnxFaceMatcher.configured(true, Optional.of(empty),
        TestModels.workDir(), 1);
    assertFalse(m.isAvailable());
    assertEquals(OnnxFaceMatcher.NAME, m.name());
    assertThrows(FaceEngineException.class, () -> m.compare(new byte[1], new byte[1]));
  }

  @Test
  void aBackgroundLoadReportsLoadingUntilItsOutcomeIsKnown() {
    OnnxFaceMatcher m = OnnxFaceMatcher.configured(true, Optional.of(empty),
        TestModels.workDir(), 1);
    List<Runnable> queued = new ArrayList<>();
    assertFalse(m.isLoading());
    m.loadInBackground(queued::add);
    assertEquals(1, queued.size(), "the load is handed to the executor, not run on the caller");
    assertTrue(m.isLoading());
    queued.get(0).run();
    assertFalse(m.isLoading(), "no models: the load ended, unavailable");
    assertFalse(m.isAvailable());
    m.loadInBackground(queued::add);
    assertEquals(1, queued.size(), "an ended load is not started again");
  }

  @Test
  void aCallerDuringTheBackgroundLoadWaitsForItInsteadOfSeeingNoEngine() throws Exception {
    assumeTrue(TestModels.complete());
    Optional<Path> dir = TestModels.source() instanceof ModelSource.Directory d
        ? Optional.of(d.dir()) : Optional.empty();
    OnnxFaceMatcher m = OnnxFaceMatcher.configured(true, dir, TestModels.workDir(), 1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      m.loadInBackground(pool);
      // Whether or not the load is still running now, the answer is the load's outcome.
      assertTrue(m.isAvailable());
      assertFalse(m.isLoading());
    } finally {
      pool.shutdownNow();
      m.close();
    }
  }

  @Test
  void disabledIsUnavailable() {
    OnnxFaceMatcher m = OnnxFaceMatcher.configured(false, Optional.empty(),
        TestModels.workDir(), 1);
    assertFalse(m.isAvailable());
  }

  @Test
  void comparesThePortraits() throws Exception {
    assumeTrue(TestModels.complete() && TestModels.portraits().isPresent());
    Optional<Path> dir = TestModels.source() instanceof ModelSource.Directory d
        ? Optional.of(d.dir()) : Optional.empty();
    OnnxFaceMatcher m = OnnxFaceMatcher.configured(true, dir, TestModels.workDir(), 1);
    try {
      assertTrue(m.isAvailable());
      FaceComparison same = m.compare(Pictures.bytes("grace_hopper.jpg"),
          Pictures.jpeg(Pictures.portrait("grace_hopper.jpg"), 0.5f));
      assertEquals(FaceComparison.Verdict.COMPARED, same.verdict());
      assertTrue(same.similarity() > 0.9, same.detail());
      FaceComparison other = m.compare(Pictures.bytes("grace_hopper.jpg"),
          Pictures.bytes("astronaut.png"));
      assertEquals(FaceComparison.Verdict.COMPARED, other.verdict());
      assertTrue(other.similarity() < 0.65, other.detail());
    } finally {
      m.close();
    }
    assertFalse(m.engine().isPresent());
  }

  @Test
  void busyDecodersAreAnsweredBusyNotAsAnEngineFailure() throws Exception {
    assumeTrue(TestModels.complete() && TestModels.portraits().isPresent());
    Optional<Path> dir = TestModels.source() instanceof ModelSource.Directory d
        ? Optional.of(d.dir()) : Optional.empty();
    OnnxFaceMatcher m = OnnxFaceMatcher.configured(true, dir, TestModels.workDir(), 1);
    DecodeBulkhead bulkhead = new DecodeBulkhead(1, Duration.ZERO);
    m.decoder = new ImageDecoder(ImageLimits.defaults(), ImageDecoder.DEFAULT_MAX_PIXELS, bulkhead);
    byte[] grace = Pictures.bytes("grace_hopper.jpg");
    try {
      try (DecodeBulkhead.Permit taken = bulkhead.enter()) {
        // An engine failure would end the validation as a system error; busy must reach the
        // caller as such, to be answered "try again" at no cost.
        assertThrows(DecodeBusyException.class, () -> m.compare(grace, grace));
      }
      assertEquals(FaceComparison.Verdict.COMPARED, m.compare(grace, grace).verdict(),
          "the engine decodes with the injected decoder's permits once they are free");
      assertEquals(1, bulkhead.available());
    } finally {
      m.close();
    }
  }
}
