package io.idforge.identity.web.it;

import java.io.IOException;
import java.net.URI;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * An unzipped WildFly, prepared once by {@code src/wildfly/identity.cli}, started with {@code
 * bin/standalone.sh} as an operator would, but on a fresh server base directory per start (a copy
 * of {@code standalone/configuration} plus the WAR in {@code deployments/}, picked up by the
 * deployment scanner), so runs never see each other's deployments, data or logs.
 */
final class WildFlyServer implements AppServer {

  /** The ports of standalone.xml's socket bindings before the offset: http first. */
  private static final int[] PORTS = {8080, 8443, 8009, 9990, 9993, 4712, 4713};

  private final Path home;
  private final Path buildDir;
  private Path baseDir;
  private int offset;

  WildFlyServer(Path home, Path buildDir) {
    this.home = home;
    this.buildDir = buildDir;
  }

  @Override
  public String name() {
    return "WildFly";
  }

  /**
   * WildFly serves MicroProfile Health and the Prometheus text (micrometer subsystem) on its
   * management interface (9990 plus the offset, loopback).
   */
  @Override
  public URI metricsBase(URI appBase) {
    return healthBase(appBase);
  }

  /**
   * The micrometer subsystem's Prometheus registry (identity.cli; WildFly's base metrics subsystem
   * holds /metrics): every meter of the deployment, no scopes.
   */
  @Override
  public String metricsPath() {
    return "/prometheus";
  }

  @Override
  public URI healthBase(URI appBase) {
    return URI.create("http://localhost:" + (PORTS[3] + offset));
  }

  /**
   * One port offset for all of the server's sockets (HTTP, management, transaction recovery ...),
   * drawn at random until every one of them is free: other builds on the machine may run servers.
   */
  @Override
  public int reservePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(1_000, 50_000);
      if (allFree(candidate)) {
        offset = candidate;
        return PORTS[0] + offset;
      }
    }
    throw new IOException("no free port offset for WildFly's sockets");
  }

  private static boolean allFree(int offset) {
    for (int port : PORTS) {
      try (ServerSocket s = new ServerSocket(port + offset)) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Process start(Path war, Map<String, String> env, Path log) throws IOException {
    Path script = home.resolve("bin/standalone.sh");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("no WildFly at " + home + "; run mvn verify -Pwildfly");
    }
    baseDir = Files.createTempDirectory(buildDir, "it-wildfly-base-");
    copyTree(home.resolve("standalone/configuration"), baseDir.resolve("configuration"));
    Files.createDirectories(baseDir.resolve("deployments"));
    Files.copy(war, baseDir.resolve("deployments/identity.war"), StandardCopyOption.REPLACE_EXISTING);

    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "bash",
                    script.toString(),
                    "-c",
                    "standalone.xml",
                    // The micrometer subsystem's Prometheus registry is a community feature (identity.cli).
                    "--stability=community",
                    "-Djboss.server.base.dir=" + baseDir,
                    "-Djboss.socket.binding.port-offset=" + offset))
            .redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.putAll(env);
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    // standalone.conf's defaults plus the same start-up flags and heap as Payara Micro gets.
    environment.put(
        "JAVA_OPTS",
        String.join(
            " ",
            "-Xms64m",
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Djava.net.preferIPv4Stack=true",
            "-Djboss.modules.system.pkgs=org.jboss.byteman",
            "-Djava.awt.headless=true",
            "-Duser.timezone=" + ItServer.SERVER_TIME_ZONE,
            "-Djava.io.tmpdir=" + buildDir));
    // Not LAUNCH_JBOSS_IN_BACKGROUND: with it the script loops forever once the server JVM has
    // exited on SIGTERM (status 143). ItServer stops the JVM itself (a descendant of the script).
    return builder.start();
  }

  /** The deployment scanner marks a failed deployment with {@code identity.war.failed}, holding the cause. */
  @Override
  public Optional<String> deploymentFailure(Path log) {
    if (baseDir == null) {
      return Optional.empty();
    }
    Path failed = baseDir.resolve("deployments/identity.war.failed");
    if (Files.isRegularFile(failed)) {
      try {
        return Optional.of("WildFly failed to deploy the WAR: " + Files.readString(failed, StandardCharsets.UTF_8));
      } catch (IOException e) {
        return Optional.of("WildFly failed to deploy the WAR (" + failed + ")");
      }
    }
    if (ItServer.logContains(log, "WFLYSRV0026")) { // "started (with errors)"
      return Optional.of("WildFly started with errors");
    }
    return Optional.empty();
  }

  @Override
  public void cleanUp() {
    ItServer.deleteQuietly(baseDir); // the WAR copy, data and temporary files; the console log stays
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
