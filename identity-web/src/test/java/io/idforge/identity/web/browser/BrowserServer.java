package io.idforge.identity.web.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server the browser tests drive, started once per Failsafe JVM on first use and stopped by a
 * shutdown hook: an embedded PostgreSQL (zonky), a GreenMail SMTP server in this JVM (the service
 * mails one-time codes to it), and the built WAR on Payara Micro in its own JVM with a fresh root
 * directory, configured through environment variables only. Independent of the black-box suite's
 * harness in {@code io.idforge.identity.web.it}.
 *
 * <p>System properties (set by the Failsafe configuration): {@code payara.microJar}, {@code
 * app.war}, {@code build.dir}.
 */
final class BrowserServer {

  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(180);

  private static BrowserServer instance;
  private static RuntimeException startFailure;

  final URI baseUri;
  final String adminKey;
  final Path buildDir;
  final GreenMail mail;

  private final Path rootDir;
  private final EmbeddedPostgres postgres;
  private final Process payara;

  private BrowserServer(
      URI baseUri, String adminKey, Path buildDir, Path rootDir, EmbeddedPostgres postgres, Process payara, GreenMail mail) {
    this.baseUri = baseUri;
    this.adminKey = adminKey;
    this.buildDir = buildDir;
    this.rootDir = rootDir;
    this.postgres = postgres;
    this.payara = payara;
    this.mail = mail;
  }

  /** The running server, started on the first call (one attempt per JVM). */
  static synchronized BrowserServer get() {
    if (startFailure != null) {
      throw new IllegalStateException("the browser tests' server failed to start", startFailure);
    }
    if (instance == null) {
      try {
        instance = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return instance;
  }

  private static BrowserServer start() {
    Path buildDir = Path.of(required("build.dir")).toAbsolutePath();
    Path microJar = Path.of(required("payara.microJar")).toAbsolutePath();
    Path war = Path.of(required("app.war")).toAbsolutePath();
    if (!Files.isRegularFile(microJar) || !Files.isRegularFile(war)) {
      throw new IllegalStateException("missing " + microJar + " or " + war + "; run mvn package first");
    }
    EmbeddedPostgres pg;
    try {
      pg = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
    GreenMail mail = null;
    Process process = null;
    try {
      mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
      int port = freePort();
      Path rootDir = Files.createTempDirectory(buildDir, "browser-payara-root-");
      Path log = buildDir.resolve("browser-payara.log");
      byte[] adminBytes = new byte[24];
      new SecureRandom().nextBytes(adminBytes);
      String adminKey = "browser-admin-" + HexFormat.of().formatHex(adminBytes);
      URI base = URI.create("http://127.0.0.1:" + port);

      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Djava.io.tmpdir=" + buildDir,
              "-jar", microJar.toString(),
              "--deploy", war.toString(),
              "--contextroot", "/",
              "--port", Integer.toString(port),
              "--nocluster",
              "--rootDir", rootDir.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("DB_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
      env.put("DB_USER", "postgres");
      env.put("DB_PASSWORD", "postgres");
      env.put("IDENTITY_ADMIN_API_KEY", adminKey);
      env.put("IDENTITY_BOOTSTRAP_DEMO", "false");
      env.put("IDENTITY_PUBLIC_BASE_URL", base.toString());
      env.put("IDENTITY_MAIL_SMTP_HOST", "127.0.0.1");
      env.put("IDENTITY_MAIL_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
      env.put("IDENTITY_MAIL_SMTP_TLS", "none");
      env.put("IDENTITY_MAIL_FROM", "noreply@idforge.test");
      env.remove("IDENTITY_SMS_SENDER");
      process = builder.start();

      BrowserServer server = new BrowserServer(base, adminKey, buildDir, rootDir, pg, process, mail);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "browser-server-stop"));
      server.awaitReady(log);
      return server;
    } catch (IOException e) {
      stopQuietly(process, pg, mail);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      stopQuietly(process, pg, mail);
      throw e;
    }
  }

  /** Polls the landing page (an application URL: the WAR is deployed) until it answers 200. */
  private void awaitReady(Path log) {
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(baseUri.resolve("/")).timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
    long deployFailedAfter = Long.MAX_VALUE;
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!payara.isAlive()) {
        throw new IllegalStateException("Payara Micro exited with " + payara.exitValue() + "; see " + log);
      }
      // Payara stays up (answering 404) when the deployment fails: give up soon after "ready".
      if (deployFailedAfter == Long.MAX_VALUE && logContains(log, "ready in")) {
        deployFailedAfter = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      }
      if (System.nanoTime() > deployFailedAfter) {
        throw new IllegalStateException("Payara Micro is up but the application is not deployed (last: " + last + "); see " + log);
      }
      try {
        HttpResponse<String> r = client.send(probe, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("<html")) {
          return;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Payara", e);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(250); // polling interval of the readiness probe
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Payara", e);
      }
    }
    throw new IllegalStateException("the application did not answer 200 on / within " + STARTUP_DEADLINE + "; see " + log);
  }

  private static boolean logContains(Path log, String text) {
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private void stop() {
    stopQuietly(payara, postgres, mail);
    if (!payara.isAlive()) {
      try (var paths = Files.walk(rootDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | RuntimeException e) {
        // Best effort: mvn clean removes it anyway; the log stays in target/browser-payara.log.
      }
    }
  }

  private static void stopQuietly(Process process, EmbeddedPostgres pg, GreenMail mail) {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (mail != null) {
      mail.stop();
    }
    if (pg != null) {
      try {
        pg.close();
      } catch (IOException | RuntimeException e) {
        // Shutting down anyway.
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set (run through Failsafe)");
    }
    return value;
  }
}
