package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries {@code X-Request-Id}: the caller's when well-formed, a generated one
 * otherwise; and the application's log lines written while serving the request carry it.
 */
class RequestIdIT extends ItSupport {

  private static final String GENERATED = "[0-9a-f]{32}";

  @Test
  void aWellFormedIdIsEchoedAndAnyOtherReplaced() {
    String mine = "it-" + UUID.randomUUID();
    Resp echoed = api.send(api.request("/v1/flows", null).header("X-Request-Id", mine).GET());
    assertUnauthorized(echoed);
    assertEquals(mine, echoed.header("X-Request-Id"));

    Resp generated = api.get("/v1/flows", null);
    assertTrue(generated.header("X-Request-Id").matches(GENERATED), generated.header("X-Request-Id"));
    assertNotEquals(generated.header("X-Request-Id"), api.get("/v1/flows", null).header("X-Request-Id"));

    for (String bad : new String[] {"has space", "x".repeat(65), "semi;colon", "quote\"d"}) {
      Resp r = api.send(api.request("/v1/flows", null).header("X-Request-Id", bad).GET());
      assertTrue(r.header("X-Request-Id").matches(GENERATED), () -> bad + " -> " + r.header("X-Request-Id"));
    }
    // The hosted pages too, not only the API.
    assertTrue(api.get("/", null).header("X-Request-Id").matches(GENERATED));
  }

  @Test
  void theLogLinesOfARequestCarryItsId() throws IOException {
    String id = "it-log-" + UUID.randomUUID();
    Resp r =
        api.send(
            HttpRequest.newBuilder(api.uri("/v1/admin/clients"))
                .timeout(Duration.ofSeconds(60))
                .header("Identity-Admin-Key", ItServer.get().adminKey)
                .header("X-Request-Id", id)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=request-id-" + UUID.randomUUID().toString().substring(0, 8))));
    assertEquals(201, r.status(), r::toString);
    String clientId = r.json().getString("client_id");
    // The application's handler writes and flushes before the answer leaves: no waiting needed.
    String line = lineWith(ItServer.get().log, clientId);
    assertTrue(line != null, "no log line names " + clientId);
    assertTrue(line.contains("[request_id=" + id + "]"), line);
    assertTrue(line.contains(" INFO io.idforge.identity.web.rest.admin.ClientsResource "), line);
    assertTrue(!line.contains(r.json().getString("api_key")), "the key is in the log");
  }

  private static String lineWith(Path log, String text) throws IOException {
    return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
        .filter(l -> l.contains(text))
        .findFirst()
        .orElse(null);
  }
}
