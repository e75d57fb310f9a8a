package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The models the build wrote to target/classes/face-models (ModelBuilder at process-classes).
 * Their absence fails the test, because a silently skipped conversion test proves nothing; only
 * an explicit {@code -Dface.models.skip=true} turns it into a skipped test.
 */
final class BuiltModels {

  static final String SKIP_PROPERTY = "face.models.skip";

  private BuiltModels() {
  }

  static Path dir() {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "classes", "face-models");
    if (Files.isRegularFile(dir.resolve(ModelBuilder.PROPERTIES))) {
      return dir;
    }
    if (Boolean.getBoolean(SKIP_PROPERTY)) {
      Assumptions.abort("face models were not built: -D" + SKIP_PROPERTY + "=true was given");
    }
    return fail("face models missing in " + dir + ": the build (ModelBuilder at process-classes) should"
        + " have produced them; build without -D" + SKIP_PROPERTY + "=true, or pass it to skip these tests");
  }

  /** The pinned npm cache the build used (surefire passes face.models.cache), same skip rule. */
  static NpmPackageCache npmCache() {
    if (Boolean.getBoolean(SKIP_PROPERTY)) {
      Assumptions.abort("npm package cache not used: -D" + SKIP_PROPERTY + "=true was given");
    }
    return NpmPackageCache.fromSystemProperties();
  }
}
