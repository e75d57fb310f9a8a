package io.idforge.identity.face.models;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves a finished file into place so that a concurrent build (two worktrees, two Maven reactors)
 * never reads a half-written model or tarball.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  /** Replaces {@code target} by {@code finished}, atomically where the file system allows it. */
  static void moveIntoPlace(Path finished, Path target) throws IOException {
    try {
      Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
