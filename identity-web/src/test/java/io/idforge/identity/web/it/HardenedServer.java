package io.idforge.identity.web.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * A second server for the hardening suites, on a PostgreSQL of its own that a test may restart
 * ({@link FailoverIT}), with small rate limits keyed by {@code X-Forwarded-For} (so each test picks
 * its own client address) and an https public base URL (secure cookies, HSTS). Started on first
 * use; the shutdown hook of {@link ItServer} stops it.
 */
final class HardenedServer {

  /** Limits small enough to trip in a test, large enough for the test's own set-up calls. */
  static final int AUTH_FAILURES_PER_IP = 5;

  static final int AUTH_FAILURES_PER_KEY = 3;
  static final int TOKENS_PER_KEY = 4;
  static final int TOKENS_PER_IP = 6;
  static final String PUBLIC_BASE_URL = "https://identity.idforge.test";

  private static HardenedServer instance;

  final RestartablePostgres database;
  final ItServer server;
  final ApiClient api;

  private HardenedServer(RestartablePostgres database, ItServer server) {
    this.database = database;
    this.server = server;
    this.api = new ApiClient(server);
  }

  static synchronized HardenedServer get() {
    if (instance == null) {
      Path buildDir = Path.of(System.getProperty("build.dir")).toAbsolutePath();
      RestartablePostgres db = RestartablePostgres.create(buildDir.resolve("it-hardened-pgdata"));
      ItServer server =
          ItServer.start(
              "it-hardened",
              db.port(),
              db,
              Map.of(
                  "IDENTITY_RATE_LIMITS_AUTH_FAILURES_PER_IP", Integer.toString(AUTH_FAILURES_PER_IP),
                  "IDENTITY_RATE_LIMITS_AUTH_FAILURES_PER_KEY", Integer.toString(AUTH_FAILURES_PER_KEY),
                  "IDENTITY_RATE_LIMITS_TOKENS_PER_KEY", Integer.toString(TOKENS_PER_KEY),
                  "IDENTITY_RATE_LIMITS_TOKENS_PER_IP", Integer.toString(TOKENS_PER_IP),
                  "IDENTITY_RATE_LIMITS_WINDOW", "PT1M",
                  "IDENTITY_RATE_LIMITS_CLIENT_IP_HEADER", "X-Forwarded-For",
                  "IDENTITY_PUBLIC_BASE_URL", PUBLIC_BASE_URL,
                  "IDENTITY_FACE_ENABLED", "false"));
      instance = new HardenedServer(db, server);
    }
    return instance;
  }
}
