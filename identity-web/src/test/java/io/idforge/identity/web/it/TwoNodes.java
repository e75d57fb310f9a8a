package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Two Payara Micro nodes started at once on one embedded PostgreSQL (Flyway's advisory lock lets
 * one migrate while the other waits; the first-start lock gives both the same generated keys), and
 * a tenant made on node A and used on both: everything lives in the database.
 */
final class TwoNodes implements AutoCloseable {

  final EmbeddedPostgres postgres;
  final ItServer a;
  final ItServer b;
  final ApiClient apiA;
  final ApiClient apiB;
  final String backendKey;
  final String clientId;

  private TwoNodes(EmbeddedPostgres postgres, ItServer a, ItServer b, String backendKey, String clientId) {
    this.postgres = postgres;
    this.a = a;
    this.b = b;
    this.apiA = new ApiClient(a);
    this.apiB = new ApiClient(b);
    this.backendKey = backendKey;
    this.clientId = clientId;
  }

  /** Starts nodes {@code <name>-a} and {@code <name>-b} with {@code settings} and a tenant named after {@code tenant}. */
  static TwoNodes start(String name, Map<String, String> settings, String tenant) throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    ItServer a = null;
    ItServer b = null;
    try {
      int pgPort = postgres.getPort();
      CompletableFuture<ItServer> startA = CompletableFuture.supplyAsync(() -> ItServer.start(name + "-a", pgPort, null, settings));
      CompletableFuture<ItServer> startB = CompletableFuture.supplyAsync(() -> ItServer.start(name + "-b", pgPort, null, settings));
      a = startA.join();
      b = startB.join();
      ApiClient.Resp client = new ApiClient(a).createClient(tenant + "-" + UUID.randomUUID().toString().substring(0, 8), "backend-" + name);
      assertEquals(201, client.status(), client::toString);
      return new TwoNodes(postgres, a, b, client.json().getString("api_key"), client.json().getString("client_id"));
    } catch (RuntimeException | Error e) {
      stop(a, b, postgres);
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    stop(a, b, postgres);
  }

  private static void stop(ItServer a, ItServer b, EmbeddedPostgres postgres) throws IOException {
    if (b != null) {
      b.stop();
    }
    if (a != null) {
      a.stop();
    }
    postgres.close();
  }
}
