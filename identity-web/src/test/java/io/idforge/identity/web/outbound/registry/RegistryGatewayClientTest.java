package io.idforge.identity.web.outbound.registry;

import static io.idforge.identity.web.outbound.registry.FakeGateway.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.spi.GovernmentRegistry.RegistryAnswer;
import io.idforge.identity.api.spi.GovernmentRegistry.RegistryQuery;
import io.idforge.identity.api.spi.GovernmentRegistry.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The registry gateway protocol against a real HTTP server in the test JVM: what is sent, how each
 * answer maps to a {@link Verdict}, and that every failure, including a gateway that never answers,
 * ends as {@link Verdict#UNAVAILABLE} within a bounded time.
 */
class RegistryGatewayClientTest {

  static final String TOKEN = "gw-test-token-7f3a";

  /** Short, so the slow cases are quick; they must finish within 2 × this. */
  static final Duration TIMEOUT = Duration.ofMillis(600);

  static final RegistryQuery QUERY =
      new RegistryQuery(
          "CO",
          "national-id",
          "1020304050",
          "ANA MARIA",
          "PEREZ GOMEZ",
          LocalDate.of(1990, 5, 17),
          LocalDate.of(2008, 6, 1));

  FakeGateway gateway;
  RegistryGatewayClient client;

  @BeforeEach
  void start() throws Exception {
    gateway = new FakeGateway();
    client = new RegistryGatewayClient(gateway.baseUrl("/bridge/"), TOKEN, TIMEOUT);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void postsTheQueryWithTheBearerToken() {
    client.check(QUERY);

    assertEquals(1, gateway.received.size());
    FakeGateway.Received request = gateway.received.get(0);
    assertEquals("POST", request.method());
    assertEquals("/bridge/v1/registry/checks", request.path());
    assertEquals("Bearer " + TOKEN, request.header("Authorization"));
    assertTrue(
        request.header("Content-Type").startsWith("application/json"),
        request.header("Content-Type"));
    JsonObject body = parse(request.body());
    assertEquals(7, body.size(), body.toString());
    assertEquals("CO", body.getString("country"));
    assertEquals("national-id", body.getString("document_type"));
    assertEquals("1020304050", body.getString("document_number"));
    assertEquals("ANA MARIA", body.getString("name"));
    assertEquals("PEREZ GOMEZ", body.getString("last_name"));
    assertEquals("1990-05-17", body.getString("date_of_birth"));
    assertEquals("2008-06-01", body.getString("issue_date"));
  }

  @Test
  void omitsWhatWasNotRead() {
    client.check(
        new RegistryQuery(
            "mx", "national-id", "GODE561231HDFRRN09", "EDUARDO", "GOMEZ", null, null));

    JsonObject body = parse(gateway.received.get(0).body());
    assertEquals("MX", body.getString("country"));
    assertFalse(body.containsKey("date_of_birth"));
    assertFalse(body.containsKey("issue_date"));
  }

  @ParameterizedTest
  @CsvSource({
    "valid, VALID",
    "data_mismatch, DATA_MISMATCH",
    "not_found, NOT_FOUND",
    "cancelled, CANCELLED"
  })
  void mapsEachStatusToItsVerdict(String status, Verdict verdict) {
    gateway.answering(
        json(
            200,
            "{\"status\":\""
                + status
                + "\",\"registry\":\"Registraduría Nacional\",\"message\":\"checked\"}"));

    RegistryAnswer answer = client.send(QUERY);

    assertEquals(new RegistryAnswer(verdict, "Registraduría Nacional", "checked"), answer);
  }

  @Test
  void namesTheRegistryWhenTheGatewayDoesNot() {
    gateway.answering(json(200, "{\"status\":\"not_found\"}"));

    RegistryAnswer answer = client.check(QUERY);

    assertEquals(Verdict.NOT_FOUND, answer.verdict());
    assertEquals("government registry (CO)", answer.registry());
    assertNull(answer.message());
  }

  @Test
  void aServerErrorIsUnavailableAndNotRetryable() {
    gateway.answering(json(500, "{\"error\":\"boom\"}"));

    assertUnavailable();
    // Neither retried nor counted by the circuit breaker.
    assertInstanceOf(
        RegistryGatewayAnswerException.class,
        assertThrows(RegistryGatewayException.class, () -> client.send(QUERY)));
  }

  @Test
  void aRefusedTokenIsUnavailable() {
    gateway.answering(json(401, ""));
    assertUnavailable();
  }

  @Test
  void aRedirectIsNotFollowed() {
    gateway.answering(
        (exchange, g) -> {
          exchange.getResponseHeaders().set("Location", "http://127.0.0.1:9/elsewhere");
          exchange.sendResponseHeaders(302, -1);
        });
    assertUnavailable();
    assertEquals(1, gateway.received.size());
  }

  @Test
  void malformedAnswersAreUnavailable() {
    for (String body :
        new String[] {
          "{not json", "[]", "", "{\"status\":\"maybe\"}", "{\"status\":1}", "\"valid\""
        }) {
      gateway.answering(json(200, body));
      assertEquals(Verdict.UNAVAILABLE, client.check(QUERY).verdict(), body);
      assertInstanceOf(
          RegistryGatewayAnswerException.class,
          assertThrows(RegistryGatewayException.class, () -> client.send(QUERY)),
          body);
    }
  }

  @Test
  void anOversizedAnswerIsUnavailable() {
    gateway.answering(
        json(200, "{\"status\":\"valid\",\"message\":\"" + "x".repeat(100_000) + "\"}"));
    assertUnavailable();
  }

  @Test
  void aGatewayThatNeverAnswersIsUnavailableWithinTwiceTheTimeout() {
    gateway.answering((exchange, g) -> g.stall());

    long millis = timed(() -> assertUnavailable());

    assertTrue(millis < 2 * TIMEOUT.toMillis(), "took " + millis + " ms");
    // Counted by the circuit breaker, not retried.
    assertEquals(
        RegistryGatewayException.class,
        assertThrows(RegistryGatewayException.class, () -> client.send(QUERY)).getClass());
  }

  @Test
  void anAnswerThatStallsMidBodyIsUnavailableWithinTwiceTheTimeout() {
    gateway.answering(
        (exchange, g) -> {
          exchange.sendResponseHeaders(200, 0); // chunked
          OutputStream out = exchange.getResponseBody();
          out.write("{\"status\":".getBytes(StandardCharsets.UTF_8));
          out.flush();
          g.stall();
        });

    long millis = timed(() -> assertUnavailable());

    assertTrue(millis < 2 * TIMEOUT.toMillis(), "took " + millis + " ms");
  }

  @Test
  void aClosedPortIsUnavailableAndRetryable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    RegistryGatewayClient closed =
        new RegistryGatewayClient(URI.create("http://127.0.0.1:" + port), TOKEN, TIMEOUT);

    long millis = timed(() -> assertEquals(Verdict.UNAVAILABLE, closed.check(QUERY).verdict()));

    assertTrue(millis < 2 * TIMEOUT.toMillis(), "took " + millis + " ms");
    assertInstanceOf(
        RegistryGatewayIoException.class,
        assertThrows(RegistryGatewayException.class, () -> closed.send(QUERY)));
  }

  @Test
  void failureMessagesCarryNoPersonalData() {
    gateway.answering(json(500, ""));
    RegistryGatewayException e =
        assertThrows(RegistryGatewayException.class, () -> client.send(QUERY));
    assertFalse(e.getMessage().contains(QUERY.documentNumber()));
    assertFalse(e.getMessage().contains("PEREZ"));
  }

  private void assertUnavailable() {
    RegistryAnswer answer = client.check(QUERY);
    assertEquals(Verdict.UNAVAILABLE, answer.verdict());
    assertEquals("government registry (CO)", answer.registry());
  }

  private static long timed(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
