package io.idforge.identity.web.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The application server the black-box tests run the built WAR on, chosen with the system property
 * {@code it.server}: {@code payara} (Payara Micro, the default) or {@code wildfly} (an unzipped
 * WildFly prepared by {@code src/wildfly/identity.cli}, the {@code -Pwildfly} build). The tests
 * themselves are the same on both.
 */
interface AppServer {

  /** For messages: "Payara Micro", "WildFly". */
  String name();

  /** Chooses the HTTP port the server will listen on (and any other port it needs), all free now. */
  int reservePort() throws IOException;

  /**
   * Starts the server with the WAR deployed at context root {@code /}, its console in {@code log}
   * and {@code env} added to its environment (the service reads its configuration from there).
   */
  Process start(Path war, Map<String, String> env, Path log) throws IOException;

  /** Why the deployment failed, once the server says so; empty while it may still come up. */
  Optional<String> deploymentFailure(Path log);

  /**
   * Where the server serves MicroProfile Health: the application's own base URL on Payara, the
   * management interface on WildFly.
   */
  default URI healthBase(URI appBase) {
    return appBase;
  }

  /** Where the server serves the Prometheus text of the application's metrics. */
  default URI metricsBase(URI appBase) {
    return appBase;
  }

  /** The path of the application's metrics below {@link #metricsBase}. */
  default String metricsPath() {
    return "/metrics?scope=application";
  }

  /** Deletes what the server wrote outside its log (its root or base directory). */
  void cleanUp();

  static AppServer fromSystemProperties(Path buildDir) {
    String server = System.getProperty("it.server", "payara");
    switch (server) {
      case "payara":
        return new PayaraMicroServer(Path.of(ItServer.required("payara.microJar")).toAbsolutePath(), buildDir);
      case "wildfly":
        return new WildFlyServer(Path.of(ItServer.required("wildfly.home")).toAbsolutePath(), buildDir);
      default:
        throw new IllegalStateException("it.server must be payara or wildfly, not " + server);
    }
  }
}
