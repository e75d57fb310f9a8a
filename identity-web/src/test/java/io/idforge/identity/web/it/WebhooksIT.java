package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Webhooks end to end against the running WAR, with a real HTTP receiver in the test JVM: a
 * process goes from created to failed (expired, one-minute flow), the filtered endpoint receives
 * exactly the process events with valid JWT and header signatures; a receiver answering 500 to
 * its first three calls still gets the event, and the delivery log shows the four attempts;
 * replay, secret rotation (two signatures), tenant isolation and refused URLs. The IT server
 * allows http to 127.0.0.1 and retries after a second (ItServer).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class WebhooksIT extends ItSupport {

  static final Pattern WHE = Pattern.compile("WHE[0-9a-f]{32}");
  static final Pattern HIK = Pattern.compile("HIK[0-9a-f]{32}");
  static final Pattern HKE = Pattern.compile("HKE[0-9a-f]{32}");
  static final String PROCESS_TYPE = "digital_identity.identity_process";
  static final Duration DEADLINE = Duration.ofSeconds(150);

  /** One request as the receiver saw it. */
  record Received(String path, String method, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger flakyCalls = new AtomicInteger();
  private String receiverBase;

  private Tenant tenant;
  private Tenant other;
  private String processEndpoint;
  private String processSecret;
  private String flakyEndpoint;
  private String flakySecret;
  private String processId;

  @BeforeAll
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/process", ex -> answer(ex, 200));
    // 500 to its first three calls, then 200.
    receiver.createContext("/flaky", ex -> answer(ex, flakyCalls.incrementAndGet() <= 3 ? 500 : 200));
    receiver.createContext("/other", ex -> answer(ex, 200));
    receiver.start();
    receiverBase = "http://127.0.0.1:" + receiver.getAddress().getPort();

    tenant = newTenant("Webhooks");
    other = newTenant("WebhooksOther");

    Resp created = createEndpoint(tenant, "{\"url\":\"" + receiverBase + "/process\",\"event_types\":[\"" + PROCESS_TYPE
        + "\"],\"headers\":{\"X-Receiver-Token\":\"abc\"}}");
    assertEquals(201, created.status(), created::toString);
    JsonObject endpoint = created.json();
    processEndpoint = endpoint.getString("endpoint_id");
    processSecret = endpoint.getString("secret");
    assertMatches(WHE, processEndpoint);
    assertTrue(processSecret.startsWith("whsec_") && processSecret.length() >= 40, "secret shown on create");
    assertEquals("POST", endpoint.getString("http_method"));
    assertTrue(endpoint.getBoolean("enabled"));
    assertEquals(tenant.clientId(), endpoint.getString("client_id"));

    Resp flaky = createEndpoint(tenant, "{\"url\":\"" + receiverBase + "/flaky\",\"event_types\":[\"" + PROCESS_TYPE
        + "\"],\"event_actions\":[\"created\"]}");
    assertEquals(201, flaky.status(), flaky::toString);
    flakyEndpoint = flaky.json().getString("endpoint_id");
    flakySecret = flaky.json().getString("secret");

    // The other tenant listens to everything on its own receiver.
    assertEquals(201, createEndpoint(other, "{\"url\":\"" + receiverBase + "/other\"}").status());

    String flow = createFlow(tenant, flowJson("Webhooks expiring", 1, "email-verification", "face-recognition"));
    processId = processIdOf(mintToken(tenant, flow));
  }

  @AfterAll
  void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void filteredEndpointGetsCreatedThenFailedWithValidSignatures() throws Exception {
    List<Received> got = poll(DEADLINE, () -> at("/process"), l -> l.stream().anyMatch(r -> action(r).equals("failed")));
    for (Received r : got) {
      assertEquals("POST", r.method());
      assertEquals("application/jwt", r.header("Content-Type"));
      assertEquals("abc", r.header("X-Receiver-Token"), "extra header sent");
      SignedJWT jwt = SignedJWT.parse(r.body());
      assertTrue(jwt.verify(new MACVerifier(processSecret.getBytes(StandardCharsets.UTF_8))), "JWT verifies with the secret");
      // A Truora receiver: HMAC-SHA256 of header.payload with the secret, base64url.
      String[] parts = r.body().split("\\.");
      assertEquals(parts[2], Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(processSecret, parts[0] + "." + parts[1])));
      assertEquals(ItServer.ISSUER, jwt.getJWTClaimsSet().getIssuer());
      assertSignatureHeader(r, processSecret);
      JsonObject event = event(r);
      assertEquals(PROCESS_TYPE, event.getString("event_type"), "only the filtered type");
      assertEquals("1.0", event.getString("version"));
      assertMatches(HKE, event.getString("id"));
      assertEquals(event.getString("id"), r.header("Idforge-Event-Id"));
      assertMatches(HIK, r.header("Idempotency-Key"));
      assertEquals(processId, event.getJsonObject("object").getString("process_id"));
    }
    List<String> actions = got.stream().map(WebhooksIT::action).toList();
    assertEquals(List.of("created", "failed"), actions.stream().distinct().toList(), "created then failed: " + actions);
    JsonObject failed = event(got.stream().filter(r -> action(r).equals("failed")).findFirst().orElseThrow());
    assertEquals("failure", failed.getJsonObject("object").getString("status"));
    assertEquals("expired", failed.getJsonObject("object").getString("failure_status"));
  }

  @Test
  void receiverFailingThreeTimesStillGetsTheEventAndTheLogShowsTheAttempts() {
    String firstKey = poll(DEADLINE, () -> at("/flaky"), l -> !l.isEmpty()).get(0).header("Idempotency-Key");
    // The replay test may add a delivery with another key: count this delivery's calls only.
    Supplier<List<Received>> calls = () -> at("/flaky").stream().filter(r -> firstKey.equals(r.header("Idempotency-Key"))).toList();
    List<Received> got = poll(DEADLINE, calls, l -> l.size() >= 4);
    sleepQuietly(2500);
    got = calls.get();
    assertEquals(4, got.size(), "three 500s then a 200, no more");
    assertEquals(1, got.stream().map(r -> event(r).getString("id")).distinct().count(), "the same event each time");
    assertEquals(1, got.stream().map(r -> r.header("Idempotency-Key")).distinct().count(), "one delivery record");
    assertTrue(got.stream().allMatch(r -> action(r).equals("created")), "only the filtered action");
    String key = got.get(0).header("Idempotency-Key");

    JsonObject record = poll(DEADLINE, () -> api.get("/v1/hooks/events/" + key, tenant.apiKey()).json(),
        o -> o.getString("delivery_status").equals("success"));
    assertEquals(4, record.getInt("delivery_attempts"));
    assertEquals(tenant.clientId(), record.getString("client_id"));
    assertEquals("created", record.getString("event_action"));
    assertEquals(PROCESS_TYPE, record.getString("event_type"));
    assertEquals(key, record.getString("idempotency_key"));
    assertEquals("digital_identity", record.getString("product"));
    assertEquals(flakyEndpoint, record.getString("endpoint_id"));
    assertTrue(record.containsKey("timestamp") && record.containsKey("update_date"));
    // object is a JSON string, as Truora's.
    assertEquals(JsonValue.ValueType.STRING, record.get("object").getValueType());
    assertEquals(processId, Json.createReader(new StringReader(record.getString("object"))).readObject().getString("process_id"));

    Resp list = api.get("/v1/hooks/events", tenant.apiKey());
    assertEquals(200, list.status());
    assertTrue(ids(list, "events", "idempotency_key").contains(key), list::toString);
    assertTrue(list.json().getString("self").startsWith("/v1/hooks/events"));

    // Tenant isolation: the other tenant sees neither the record nor the endpoint.
    assertError(api.get("/v1/hooks/events/" + key, other.apiKey()), 404, 10404, "Resource not found");
    assertError(api.get("/v1/hooks/endpoints/" + flakyEndpoint, other.apiKey()), 404, 10404, "Resource not found");
    assertError(api.postEmpty("/v1/hooks/events/" + key + "/replay", other.apiKey()), 404, 10404, "Resource not found");
    assertFalse(ids(api.get("/v1/hooks/events", other.apiKey()), "events", "idempotency_key").contains(key));
    assertFalse(ids(api.get("/v1/hooks/endpoints", other.apiKey()), "endpoints", "endpoint_id").contains(flakyEndpoint));
    assertTrue(at("/other").isEmpty(), "the other tenant's receiver got none of this tenant's events");
  }

  @Test
  void replayAfterRotationSendsTheSameEventSignedWithBothSecrets() throws Exception {
    List<Received> first = poll(DEADLINE, () -> at("/flaky"), l -> l.size() >= 4);
    String key = first.get(0).header("Idempotency-Key");
    poll(DEADLINE, () -> api.get("/v1/hooks/events/" + key, tenant.apiKey()).json(), o -> o.getString("delivery_status").equals("success"));

    Resp rotated = api.postEmpty("/v1/hooks/endpoints/" + flakyEndpoint + "/rotate-secret", tenant.apiKey());
    assertEquals(200, rotated.status(), rotated::toString);
    String newSecret = rotated.json().getString("secret");
    assertNotEquals(flakySecret, newSecret);
    assertTrue(rotated.json().containsKey("previous_secret_valid_until"));
    assertAbsentSecret(api.get("/v1/hooks/endpoints/" + flakyEndpoint, tenant.apiKey()).json());

    Resp replay = api.postEmpty("/v1/hooks/events/" + key + "/replay", tenant.apiKey());
    assertEquals(200, replay.status(), replay::toString);
    String replayKey = replay.json().getString("idempotency_key");
    assertMatches(HIK, replayKey);
    assertNotEquals(key, replayKey);
    assertEquals("pending", replay.json().getString("delivery_status"));

    Received again = poll(DEADLINE, () -> at("/flaky").stream().filter(r -> replayKey.equals(r.header("Idempotency-Key"))).toList(),
        l -> !l.isEmpty()).get(0);
    assertEquals(event(first.get(0)).getString("id"), event(again).getString("id"), "stable event id");
    assertTrue(SignedJWT.parse(again.body()).verify(new MACVerifier(newSecret.getBytes(StandardCharsets.UTF_8))));
    assertEquals(2, again.header("Idforge-Signature").split("v1=").length - 1, "one signature per valid secret");
    assertSignatureHeader(again, newSecret);
    assertSignatureHeader(again, flakySecret);

    // A time range: every (event, endpoint) of the range once more, as new records.
    String from = java.time.OffsetDateTime.now().minusMinutes(30).toString();
    String to = java.time.OffsetDateTime.now().plusMinutes(1).toString();
    Resp range = api.postForm("/v1/hooks/events/replay", tenant.apiKey(), "start_date", from, "end_date", to);
    assertEquals(200, range.status(), range::toString);
    List<JsonObject> copies = range.array("events").getValuesAs(JsonObject.class);
    assertTrue(copies.stream().anyMatch(c -> c.getString("endpoint_id").equals(flakyEndpoint)), range::toString);
    assertEquals(copies.size(), copies.stream().map(c -> c.getString("event_id") + c.getString("endpoint_id")).distinct().count(),
        "each (event, endpoint) once, although the flaky event already has two records");
    assertTrue(copies.stream().allMatch(c -> c.getString("delivery_status").equals("pending") && c.getInt("delivery_attempts") == 0));
    String rangeKey = copies.stream().filter(c -> c.getString("endpoint_id").equals(flakyEndpoint)).findFirst().orElseThrow()
        .getString("idempotency_key");
    poll(DEADLINE, () -> at("/flaky").stream().filter(r -> rangeKey.equals(r.header("Idempotency-Key"))).toList(), l -> !l.isEmpty());
    assertInvalid(api.postForm("/v1/hooks/events/replay", tenant.apiKey(), "start_date", from),
        "Invalid request: start_date and end_date are required together");
    assertInvalid(api.postForm("/v1/hooks/events/replay", tenant.apiKey(), "start_date", "yesterday", "end_date", to),
        "Invalid request: start_date must be an ISO-8601 date-time with offset");
    assertTrue(api.postForm("/v1/hooks/events/replay", other.apiKey(), "start_date", from, "end_date", to)
        .array("events").isEmpty(), "the other tenant replays nothing of this tenant's");
  }

  @Test
  void secretsNeverReachTheServerLog() throws Exception {
    poll(DEADLINE, () -> at("/process"), l -> !l.isEmpty());
    String log = java.nio.file.Files.readString(ItServer.get().log);
    assertFalse(log.contains(processSecret), "the endpoint's secret is not logged");
    assertFalse(log.contains(flakySecret), "the endpoint's secret is not logged");
  }

  @Test
  void endpointsCrudAndUnsafeUrlsRefused() {
    assertInvalid(createEndpoint(tenant, "{\"url\":\"https://169.254.169.254/latest/meta-data\"}"),
        "Invalid request: url must not point to a loopback, private, link-local or metadata address");
    assertInvalid(createEndpoint(tenant, "{\"url\":\"https://10.1.2.3/hook\"}"),
        "Invalid request: url must not point to a loopback, private, link-local or metadata address");
    assertInvalid(createEndpoint(tenant, "{\"url\":\"ftp://127.0.0.1/hook\"}"), "Invalid request: url must be http or https");
    assertInvalid(createEndpoint(tenant, "{}"), "Invalid request: url is required");
    assertInvalid(createEndpoint(tenant, "{\"url\":\"" + receiverBase + "/x\",\"colour\":\"red\"}"), "Invalid request: unknown field colour");
    assertInvalid(createEndpoint(tenant, "{\"url\":\"" + receiverBase + "/x\",\"http_method\":\"GET\"}"),
        "Invalid request: http_method must be one of POST, PUT, PATCH");
    assertInvalid(createEndpoint(tenant, "{\"url\":\"" + receiverBase + "/x\",\"headers\":{\"Host\":\"evil\"}}"),
        "Invalid request: headers has a name that is malformed or reserved");

    Resp created = createEndpoint(tenant, "{\"url\":\"" + receiverBase + "/x\",\"enabled\":false}");
    assertEquals(201, created.status(), created::toString);
    String id = created.json().getString("endpoint_id");
    assertFalse(created.json().getBoolean("enabled"));
    Resp put = api.putJson("/v1/hooks/endpoints/" + id, tenant.apiKey(),
        "{\"url\":\"" + receiverBase + "/y\",\"http_method\":\"put\",\"event_actions\":[\"failed\"]}");
    assertEquals(200, put.status(), put::toString);
    assertEquals(receiverBase + "/y", put.json().getString("url"));
    assertEquals("PUT", put.json().getString("http_method"));
    assertEquals(List.of("failed"), put.json().getJsonArray("event_actions").getValuesAs(jakarta.json.JsonString.class)
        .stream().map(jakarta.json.JsonString::getString).toList());
    assertAbsentSecret(put.json());
    assertInvalid(api.putJson("/v1/hooks/endpoints/" + id, tenant.apiKey(), "{\"url\":\"https://192.168.0.10/\"}"),
        "Invalid request: url must not point to a loopback, private, link-local or metadata address");
    assertError(api.putJson("/v1/hooks/endpoints/" + id, other.apiKey(), "{\"url\":\"" + receiverBase + "/z\"}"),
        404, 10404, "Resource not found");
    assertEquals(204, api.delete("/v1/hooks/endpoints/" + id, tenant.apiKey()).status());
    assertError(api.get("/v1/hooks/endpoints/" + id, tenant.apiKey()), 404, 10404, "Resource not found");
    assertUnauthorized(api.get("/v1/hooks/endpoints", null));
  }

  // ---------------------------------------------------------------- helpers

  private static Resp createEndpoint(Tenant t, String json) {
    return api.postJson("/v1/hooks/endpoints", t.apiKey(), json);
  }

  private void answer(HttpExchange ex, int status) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(ex.getHttpContext().getPath(), ex.getRequestMethod(), Map.copyOf(ex.getRequestHeaders()), body));
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  private List<Received> at(String path) {
    List<Received> out = new ArrayList<>();
    for (Received r : received) {
      if (r.path().equals(path)) {
        out.add(r);
      }
    }
    return out;
  }

  private static JsonObject event(Received r) {
    try {
      String payload = SignedJWT.parse(r.body()).getPayload().toString();
      return Json.createReader(new StringReader(payload)).readObject().getJsonArray("events").getJsonObject(0);
    } catch (java.text.ParseException e) {
      throw new AssertionError("body is not a JWT: " + r.body(), e);
    }
  }

  private static String action(Received r) {
    return event(r).getString("event_action");
  }

  /** Verifies {@code Idforge-Signature: t=...,v1=...} as the README tells receivers to. */
  private static void assertSignatureHeader(Received r, String secret) {
    String header = r.header("Idforge-Signature");
    assertTrue(header != null && header.startsWith("t="), "signature header: " + header);
    String t = header.substring(2, header.indexOf(','));
    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 300, "fresh timestamp");
    String expected = HexFormat.of().formatHex(hmac(secret, t + "." + r.body()));
    assertTrue(List.of(header.split(",")).contains("v1=" + expected), "a v1 signature matches: " + header);
  }

  private static void assertAbsentSecret(JsonObject endpoint) {
    assertNull(endpoint.get("secret"), "the secret is shown once");
  }

  private static byte[] hmac(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

}
