package io.idforge.identity.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Payara Micro from its jar, with a fresh root directory per start (stack recipe, section 2). */
final class PayaraMicroServer implements AppServer {

  private final Path microJar;
  private final Path buildDir;
  private Path rootDir;
  private int port;
  private long readySeenAt;

  PayaraMicroServer(Path microJar, Path buildDir) {
    this.microJar = microJar;
    this.buildDir = buildDir;
  }

  @Override
  public String name() {
    return "Payara Micro";
  }

  @Override
  public int reservePort() throws IOException {
    port = ItServer.freePort();
    return port;
  }

  @Override
  public Process start(Path war, Map<String, String> env, Path log) throws IOException {
    if (!Files.isRegularFile(microJar)) {
      throw new IllegalStateException("missing " + microJar + "; run mvn package first");
    }
    rootDir = Files.createTempDirectory(buildDir, "it-payara-root-");
    List<String> command =
        List.of(
            ItServer.javaCommand(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx512m",
            "-Duser.timezone=" + ItServer.SERVER_TIME_ZONE,
            "-Djava.io.tmpdir=" + buildDir,
            "-jar",
            microJar.toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--nocluster",
            // As serve.sh: no Server header (SurfaceIT).
            "--postbootcommandfile",
            buildDir.resolveSibling("src/main/payara/post-boot-commands.asadmin").toString(),
            "--rootDir",
            rootDir.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /**
   * Payara stays up (answering 404) when the deployment fails. It says so in its log ("Exception
   * while loading the app", "Exception during lifecycle processing"); failing that, the deployment
   * has failed when the application still does not answer a minute after Payara reports itself
   * ready. The minute is deliberate: on a cold, loaded machine (four suites starting at once, one
   * of them a browser) the first page can take well over ten seconds, and a shorter wait made the
   * whole suite fail on a fresh CI machine while the server was fine.
   */
  @Override
  public Optional<String> deploymentFailure(Path log) {
    for (String sign : DEPLOYMENT_FAILED) {
      if (ItServer.logContains(log, sign)) {
        return Optional.of("Payara Micro could not deploy the application (\"" + sign + "\")");
      }
    }
    if (readySeenAt == 0) {
      if (ItServer.logContains(log, "ready in")) {
        readySeenAt = System.nanoTime();
      }
      return Optional.empty();
    }
    if (System.nanoTime() - readySeenAt > Duration.ofSeconds(60).toNanos()) {
      return Optional.of("Payara Micro has been up for a minute but the application does not answer");
    }
    return Optional.empty();
  }

  /** What Payara writes when a deployment fails. */
  private static final List<String> DEPLOYMENT_FAILED =
      List.of("Exception while loading the app", "Exception during lifecycle processing", "Failed to deploy");

  @Override
  public void cleanUp() {
    ItServer.deleteQuietly(rootDir); // ~100 MB per run; the log stays
  }
}
