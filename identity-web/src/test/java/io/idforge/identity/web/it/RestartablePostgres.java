package io.idforge.identity.web.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * An embedded PostgreSQL (zonky) that can be stopped and started again on the same port and data
 * directory, as a database restart looks to the service: zonky skips {@code initdb} when the data
 * directory already holds a cluster, so the data survives.
 */
final class RestartablePostgres implements Closeable {

  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres postgres;

  private RestartablePostgres(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  /** A fresh cluster in {@code dataDir} (emptied first) on a free port, started. */
  static RestartablePostgres create(Path dataDir) {
    try {
      deleteTree(dataDir); // a killed run leaves its cluster behind, and initdb wants an empty directory
      RestartablePostgres db = new RestartablePostgres(dataDir, ItServer.freePort());
      db.start();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  int port() {
    return port;
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: open connections are terminated). */
  synchronized void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
    }
  }

  /**
   * Starts the server on the port and data directory; never cleaning it, since zonky would
   * otherwise delete the data at every stop.
   */
  synchronized void start() {
    try {
      postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not restart", e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    postgres.close();
    deleteTree(dataDir);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
