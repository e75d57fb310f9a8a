package io.idforge.identity.face.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.spi.FaceEngineException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without models the engine refuses to open: it can never pass a check it cannot run. */
class UnavailableEngineTest {

  @TempDir Path dir;

  @Test
  void anEmptyModelFolderIsReportedWithTheMissingFiles() throws Exception {
    ModelSource empty = ModelSource.directory(dir);
    assertEquals(ModelSource.REQUIRED, empty.missing());
    FaceEngineException e = assertThrows(FaceEngineException.class,
        () -> FaceEngine.open(empty, TestModels.settings()));
    assertTrue(e.getMessage().contains("descriptor.onnx"), e.getMessage());
  }

  @Test
  void aDamagedModelFailsToOpen() throws Exception {
    for (String name : ModelSource.REQUIRED) {
      Files.write(dir.resolve(name), new byte[] {1, 2, 3, 4});
    }
    assertEquals(0, ModelSource.directory(dir).missing().size());
    assertThrows(FaceEngineException.class,
        () -> FaceEngine.open(ModelSource.directory(dir), TestModels.settings()));
  }

  @Test
  void aClassLoaderWithoutModelsHasNone() throws Exception {
    ModelSource none = new ModelSource.Classpath(new java.net.URLClassLoader(new java.net.URL[0],
        null));
    assertEquals(3, none.missing().size());
  }
}
