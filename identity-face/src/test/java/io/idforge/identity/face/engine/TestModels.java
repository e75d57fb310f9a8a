package io.idforge.identity.face.engine;

import io.idforge.identity.core.fixtures.PublicDomainPortraits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the tests find the models: the folder in system property {@code identity.face.model-dir}
 * when set (as the service and face-eval.sh read it), else the jar's {@code face-models/}.
 */
public final class TestModels {

  private TestModels() {}

  public static ModelSource source() {
    String dir = System.getProperty("identity.face.model-dir");
    return dir == null || dir.isBlank() ? ModelSource.classpath() : ModelSource.directory(Path.of(dir));
  }

  /** True when all three models are present. */
  public static boolean complete() {
    try {
      return source().missing().isEmpty();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** The work dir surefire passes ({@code identity.face.work-dir}), else one under target. */
  public static Path workDir() {
    return Path.of(System.getProperty("identity.face.work-dir", "target/face-work"));
  }

  public static FaceEngineSettings settings() {
    return FaceEngineSettings.defaults(workDir());
  }

  /** The portraits folder ({@code face.portraits}). */
  public static Optional<Path> portraits() {
    Path p = PublicDomainPortraits.folder();
    return Files.isRegularFile(p.resolve("astronaut.png")) ? Optional.of(p) : Optional.empty();
  }
}
