package io.idforge.identity.face.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the tests find the models: the jar's {@code face-models/} when the build made them,
 * otherwise the folder in system property {@code identity.face.model-dir} (a developer's copy).
 */
public final class TestModels {

  private TestModels() {}

  public static ModelSource source() {
    ModelSource jar = ModelSource.classpath();
    if (jar.has(ModelSource.DETECTOR)) {
      return jar;
    }
    String dir = System.getProperty("identity.face.model-dir");
    return dir == null || dir.isBlank() ? jar : ModelSource.directory(Path.of(dir));
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
    String dir = System.getProperty("face.portraits");
    Path p = dir == null ? Path.of(System.getProperty("user.home"), ".cache/idforge/portraits")
        : Path.of(dir);
    return Files.isRegularFile(p.resolve("astronaut.png")) ? Optional.of(p) : Optional.empty();
  }
}
