package io.idforge.identity.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.face.engine.ModelSource;
import io.idforge.identity.face.engine.Pictures;
import io.idforge.identity.face.engine.TestModels;
import java.nio.file.Path;
import java.util.Optional;
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
}
