package io.idforge.identity.web.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one server every {@code *IT} of the Failsafe JVM talks to, started on first use: an embedded
 * PostgreSQL (zonky), then the built WAR on the application server chosen by {@code it.server}
 * ({@link AppServer}: Payara Micro by default, or WildFly) in its own JVM, configured through
 * environment variables only. A shutdown hook stops both.
 *
 * <p>System properties (set by the Failsafe configuration): {@code it.server}, {@code
 * payara.microJar} or {@code wildfly.home}, {@code app.war}, {@code build.dir}.
 */
public final class ItServer {

  /** The {@code kid} of the signing key the server is configured with. */
  static final String KID = "it-key";

  /** The HS256 secret behind {@link #KID} (44 bytes, more than the 256 bits HS256 needs). */
  static final byte[] SECRET =
      "idforge-integration-tests-fixed-hs256-secret".getBytes(StandardCharsets.US_ASCII);

  /** The issuer the server is configured with. */
  static final String ISSUER = "https://it.idforge.test";

  /** How long a server may take to deploy; {@code -Dit.startup-seconds} on a machine loaded by other work. */
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(Long.getLong("it.startup-seconds", 180));

  /**
   * The server JVM's time zone: not UTC, so that a JPA provider reading TIMESTAMP WITH TIME ZONE
   * back in the JVM's zone instead of UTC shows on the wire (WireShapeIT), on either server.
   */
  static final String SERVER_TIME_ZONE = "America/Bogota";

  private static ItServer instance;
  private static RuntimeException startFailure;

  public final URI baseUri;
  public final String adminKey;
  public final Path buildDir;

  /** The port of the service's PostgreSQL. */
  private final int pgPort;

  /** The server's console log (the service's log lines). */
  public final Path log;

  /**
   * The logs of every start of this server, oldest first, {@link #log} last: a retried start keeps
   * the database, so what the service prints once per database (the console's setup link) may be
   * in an earlier one.
   */
  private List<Path> startLogs = List.of();

  public List<Path> startLogs() {
    return startLogs.isEmpty() ? List.of(log) : startLogs;
  }

  /** Which server runs the WAR. */
  public final AppServer server;

  private final Closeable database;
  private final Process process;

  /** A real SMTP server in this JVM: the service mails one-time codes to it. */
  public final GreenMail mail;

  private ItServer(
      URI baseUri, String adminKey, Path buildDir, Path log, AppServer server, int pgPort, Closeable database,
      Process process, GreenMail mail) {
    this.log = log;
    this.pgPort = pgPort;
    this.mail = mail;
    this.baseUri = baseUri;
    this.adminKey = adminKey;
    this.buildDir = buildDir;
    this.server = server;
    this.database = database;
    this.process = process;
  }

  /** JDBC URL of the embedded PostgreSQL (user and password {@code postgres}), for tests that look behind the API. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + pgPort + "/postgres";
  }

  /** The running server, started on the first call. */
  public static synchronized ItServer get() {
    if (startFailure != null) {
      // The cause's message goes into this one: CI shows the summary lines, not the stack traces.
      throw new IllegalStateException("the shared server failed to start: " + startFailure.getMessage(), startFailure);
    }
    if (instance == null) {
      try {
        instance = startShared();
      } catch (RuntimeException e) {
        startFailure = e; // one attempt per JVM: later classes fail fast with the same cause
        throw e;
      }
    }
    return instance;
  }

  private static ItServer startShared() {
    EmbeddedPostgres pg;
    try {
      pg = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
    return start("it", pg.getPort(), pg, SHARED_SETTINGS);
  }

  /**
   * Settings of the shared server beyond the database: the suites send many requests, wrong keys
   * included, from 127.0.0.1, so its rate limits are far above anything they do (the limits
   * themselves are proven on {@link HardenedServer}); webhooks (WebhooksIT) go to a receiver in
   * this JVM on 127.0.0.1 over http, with retries after a second instead of minutes.
   */
  static final Map<String, String> SHARED_SETTINGS =
      Map.ofEntries(
          Map.entry("IDENTITY_RATE_LIMITS_AUTH_FAILURES_PER_IP", "100000"),
          Map.entry("IDENTITY_RATE_LIMITS_AUTH_FAILURES_PER_KEY", "100000"),
          Map.entry("IDENTITY_RATE_LIMITS_TOKENS_PER_IP", "100000"),
          Map.entry("IDENTITY_RATE_LIMITS_TOKENS_PER_KEY", "100000"),
          // ConsoleIT's last scenario exhausts this from 127.0.0.1 (the lock-out scenario spends 6 earlier).
          Map.entry("IDENTITY_CONSOLE_SIGN_IN_FAILURES_PER_IP", "10"),
          Map.entry("IDENTITY_CONSOLE_SIGN_IN_WINDOW", "PT10M"),
          Map.entry("IDENTITY_WEBHOOKS_ALLOW_HTTP", "true"),
          Map.entry("IDENTITY_WEBHOOKS_ALLOWLIST", "127.0.0.1"),
          Map.entry("IDENTITY_WEBHOOKS_RETRY_SCHEDULE", "PT1S,PT1S,PT1S,PT1S,PT1S"),
          Map.entry("IDENTITY_WEBHOOKS_RETRY_JITTER", "0"),
          Map.entry("IDENTITY_WEBHOOKS_DRAIN_INTERVAL", "PT0.5S"));

  /**
   * Starts a server (the shared one, or one of a suite's own) named {@code name}: its log is
   * {@code target/<name>-<server>.log}; it uses the PostgreSQL listening on {@code pgPort}, and
   * {@code database} is closed with it; {@code settings} are environment variables added to (or
   * overriding) the common ones.
   */
  static ItServer start(String name, int pgPort, Closeable database, Map<String, String> settings) {
    Path buildDir = Path.of(required("build.dir")).toAbsolutePath();
    Path war = Path.of(required("app.war")).toAbsolutePath();
    if (!Files.isRegularFile(war)) {
      closeQuietly(database);
      throw new IllegalStateException("missing " + war + "; run mvn package first");
    }
    GreenMail mail = null;
    try {
      mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
    } catch (IOException | RuntimeException e) {
      stopMail(mail);
      closeQuietly(database);
      throw new IllegalStateException("the test mail server did not start", e);
    }
    // One retry on a new port and root directory: on a loaded machine another process may take
    // the reserved port between its reservation and the server's bind, and then the server comes
    // up without answering. The database is kept across the attempts.
    RuntimeException firstFailure = null;
    List<Path> logs = new ArrayList<>();
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        // A log per start (a second attempt or a suite's restart must not overwrite the evidence).
        Path log = uniqueLog(buildDir, name + "-" + System.getProperty("it.server", "payara") + (attempt > 1 ? "-retry" : ""));
        logs.add(log);
        ItServer started = startOnce(log, pgPort, database, settings, buildDir, war, mail);
        started.startLogs = List.copyOf(logs);
        return started;
      } catch (RuntimeException | Error e) {
        if (attempt == 2 || !(e instanceof RuntimeException)) {
          if (firstFailure != null) {
            e.addSuppressed(firstFailure);
          }
          stopMail(mail);
          closeQuietly(database);
          throw e;
        }
        firstFailure = (RuntimeException) e;
        System.err.println("[it] " + name + " did not start (" + e.getMessage() + "); trying once more");
      }
    }
    throw new AssertionError("unreachable");
  }

  private static ItServer startOnce(
      Path log, int pgPort, Closeable database, Map<String, String> settings, Path buildDir, Path war, GreenMail mail) {
    AppServer appServer = AppServer.fromSystemProperties(buildDir);
    Process process = null;
    try {
      int port = appServer.reservePort();
      byte[] adminBytes = new byte[24];
      new SecureRandom().nextBytes(adminBytes);
      String adminKey = "it-admin-" + HexFormat.of().formatHex(adminBytes);
      URI base = URI.create("http://localhost:" + port);

      Map<String, String> env = new HashMap<>();
      env.put("DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres");
      env.put("DB_USER", "postgres");
      env.put("DB_PASSWORD", "postgres");
      env.put("IDENTITY_JWT_SIGNING_KEYS", KID + "=" + Base64.getEncoder().encodeToString(SECRET));
      env.put("IDENTITY_JWT_ISSUER", ISSUER);
      env.put("IDENTITY_ADMIN_API_KEY", adminKey);
      env.put("IDENTITY_JOBS_EXPIRE_PROCESSES_INTERVAL", "PT1S");
      env.put("IDENTITY_BOOTSTRAP_DEMO", "false");
      env.put("IDENTITY_PUBLIC_BASE_URL", base.toString());
      env.put("IDENTITY_MAIL_SMTP_HOST", "127.0.0.1");
      env.put("IDENTITY_MAIL_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
      env.put("IDENTITY_MAIL_SMTP_TLS", "none");
      env.put("IDENTITY_MAIL_FROM", "IdForge <no-reply@idforge.test>");
      env.put("IDENTITY_FACE_WORK_DIR", buildDir.resolve("it-face-work").toString());
      // As serve.sh: ONNX Runtime writes nothing outside the work dir (docs/face-engine.md).
      env.put("ORT_DISABLE_TELEMETRY", "1");
      env.put("TMPDIR", buildDir.toString());
      env.put("XDG_CACHE_HOME", buildDir.resolve("it-cache").toString());
      env.put("MALLOC_ARENA_MAX", "2");
      env.putAll(settings);
      process = appServer.start(war, env, log);

      ItServer server = new ItServer(base, adminKey, buildDir, log, appServer, pgPort, database, process, mail);
      server.awaitReady(log);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "it-server-stop"));
      return server;
    } catch (IOException e) {
      stopQuietly(process, null);
      appServer.cleanUp();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      stopQuietly(process, null);
      appServer.cleanUp();
      throw e;
    }
  }

  /** {@code target/<base>.log}, or {@code <base>-2.log}, {@code -3}… when a start already wrote it in this build. */
  private static Path uniqueLog(Path buildDir, String base) {
    Path log = buildDir.resolve(base + ".log");
    for (int n = 2; STARTED_LOGS.contains(log); n++) {
      log = buildDir.resolve(base + "-" + n + ".log");
    }
    STARTED_LOGS.add(log);
    return log;
  }

  private static final java.util.Set<Path> STARTED_LOGS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Polls the hosted landing page (an application URL, so the WAR is deployed) until it answers 200. */
  private void awaitReady(Path log) {
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(baseUri.resolve("/")).timeout(Duration.ofSeconds(20)).GET().build();
    long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            server.name() + " exited with " + process.exitValue() + " before deploying; see " + log);
      }
      var failure = server.deploymentFailure(log);
      if (failure.isPresent()) {
        throw new IllegalStateException(
            failure.get() + " (last: " + last + "); see " + log + problems(log));
      }
      try {
        HttpResponse<String> r = client.send(probe, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("<html")) {
          return;
        }
        last = "HTTP " + r.statusCode();
      } catch (ConnectException | HttpTimeoutException e) {
        last = e.toString();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + server.name(), e);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + server.name(), e);
      }
    }
    throw new IllegalStateException(
        "the application did not answer 200 on / within " + STARTUP_DEADLINE + " (last: " + last + "); see " + log);
  }

  /**
   * A connection to the service's PostgreSQL (the caller closes it): for tests that must look at
   * what is stored, such as the privacy scan of every column.
   */
  public java.sql.Connection openDatabase() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
  }

  private static void stopMail(GreenMail mail) {
    if (mail != null) {
      mail.stop();
    }
  }

  static boolean logContains(Path log, String text) {
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** The first lines of the log that name a failure, to put in the failure message. */
  private static String problems(Path log) {
    try {
      StringBuilder out = new StringBuilder();
      Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
          .filter(l -> l.contains("SEVERE") || l.contains("ERROR") || l.contains("Exception") || l.contains("WELD-001"))
          .limit(15)
          .forEach(l -> out.append("\n  ").append(l.length() > 300 ? l.substring(0, 300) + "..." : l));
      return out.toString();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Kills the server's process tree at once (SIGKILL, no shutdown hook runs), as a crashed node
   * looks to its peers: open transactions roll back, claimed webhook rows wait for their claim
   * timeout. The database is left running.
   */
  void kill() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        return;
      }
    }
  }

  /** True while the server's process runs. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the server (gracefully, then forcibly), its mail server and its database, if it owns one. */
  void stop() {
    stopQuietly(process, database);
    stopMail(mail);
    if (!process.isAlive()) {
      server.cleanUp();
    }
  }

  static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // Best effort: mvn clean removes it anyway.
    }
  }

  private static void stopQuietly(Process process, Closeable database) {
    if (process != null && process.isAlive()) {
      // WildFly's start script runs the server JVM as its child: stop every process of the tree
      // (SIGTERM, a graceful shutdown) and wait for all of them, so nothing writes to the server's
      // directory after this returns.
      List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
      tree.add(process.toHandle());
      tree.forEach(ProcessHandle::destroy);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      for (ProcessHandle p : tree) {
        try {
          p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (ExecutionException | TimeoutException e) {
          break;
        }
      }
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
    closeQuietly(database);
  }

  private static void closeQuietly(Closeable database) {
    if (database != null) {
      try {
        database.close();
      } catch (IOException | RuntimeException e) {
        // Shutting down anyway; nothing to report to.
      }
    }
  }

  static int freePort() throws IOException {
    // Below the kernel's ephemeral range (32768-60999 here): the OS hands those out for every
    // outgoing connection and every port-0 bind (the embedded PostgreSQL, chromedriver, other
    // builds), so a port reserved there can be taken again before the server binds it.
    for (int i = 0; i < 200; i++) {
      int candidate = 20000 + PORTS.nextInt(12000);
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new java.net.InetSocketAddress(candidate));
        return candidate;
      } catch (IOException busy) {
        // taken: try another
      }
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static final java.util.Random PORTS = new SecureRandom();

  /** The java launcher of the JVM running the tests. */
  static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set (run through Failsafe)");
    }
    return value;
  }
}
