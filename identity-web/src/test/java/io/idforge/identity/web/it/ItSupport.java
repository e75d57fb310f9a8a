package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared fixtures and assertions of the black-box tests. Every test class provisions its own
 * tenant(s), so classes never see each other's data.
 */
abstract class ItSupport {

  static final String UNAUTHORIZED_BODY = "{\"message\":\"Unauthorized\"}";
  static final String REDIRECT = "https://example.com/done";
  static final String FULL_FLOW =
      "{\"name\":\"KYC\",\"time_to_live\":120,\"steps\":["
          + "{\"type\":\"email-verification\"},"
          + "{\"type\":\"document-validation\",\"config\":{\"allowed_retries\":2,"
          + "\"allowed_document_types\":[{\"country\":\"CO\",\"document_types\":[\"national-id\"]}]}},"
          + "{\"type\":\"face-recognition\",\"config\":{\"face_threshold\":0.7}}]}";
  /** A flow without {@code time_to_live}: the default 120 minutes. */
  static final String DEFAULT_TTL_FLOW =
      "{\"name\":\"Default TTL\",\"steps\":[{\"type\":\"document-validation\"},{\"type\":\"face-recognition\"}]}";

  static final Pattern TCI = Pattern.compile("TCI[0-9a-f]{32}");
  static final Pattern IPF = Pattern.compile("IPF[0-9a-f]{32}");
  static final Pattern IDP = Pattern.compile("IDP[0-9a-f]{32}");
  static final Pattern ACC = Pattern.compile("ACC[0-9a-f]{32}");
  static final Pattern IPS = Pattern.compile("IPS[0-9a-f]{32}");
  static final Pattern UUID_RE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  static final ApiClient api = ApiClient.get();

  /** A provisioned tenant and its first backend key. */
  record Tenant(String clientId, String name, String apiKey, String apiKeyId, String keyName) {}

  static Tenant newTenant(String label) {
    String name = label + "-" + UUID.randomUUID().toString().substring(0, 8);
    String keyName = "backend-" + label.toLowerCase();
    Resp r = api.createClient(name, keyName);
    assertEquals(201, r.status(), () -> "tenant creation: " + r);
    JsonObject o = r.json();
    assertEquals(name, o.getString("name"));
    assertMatches(TCI, o.getString("client_id"));
    assertMatches(UUID_RE, o.getString("api_key_id"));
    return new Tenant(o.getString("client_id"), name, o.getString("api_key"), o.getString("api_key_id"), keyName);
  }

  /** Polls every 300 ms until {@code done} accepts a value; fails after {@code deadline}. */
  static <T> T poll(Duration deadline, Supplier<T> probe, Predicate<T> done) {
    long end = System.nanoTime() + deadline.toNanos();
    T last = null;
    while (System.nanoTime() < end) {
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    throw new AssertionError("not done within " + deadline + "; last: " + last);
  }

  static String createFlow(Tenant t, String json) {
    Resp r = api.postJson("/v1/flows", t.apiKey(), json);
    assertEquals(201, r.status(), () -> "flow creation: " + r);
    String flowId = r.json().getString("flow_id");
    assertMatches(IPF, flowId);
    return flowId;
  }

  /** A one-step flow with the given first step and time to live in minutes. */
  static String flowJson(String name, int ttlMinutes, String... stepTypes) {
    StringBuilder steps = new StringBuilder();
    for (String s : stepTypes) {
      steps.append(steps.length() == 0 ? "" : ",").append("{\"type\":\"").append(s).append("\"}");
    }
    return "{\"name\":\"" + name + "\",\"time_to_live\":" + ttlMinutes + ",\"steps\":[" + steps + "]}";
  }

  /** The seed's web-token request, plus any extra fields. */
  static String[] webTokenForm(String flowId, String... extra) {
    List<String> pairs =
        new ArrayList<>(
            List.of(
                "key_type", "web",
                "grant", "digital-identity",
                "api_key_version", "1",
                "country", "ALL",
                "redirect_url", REDIRECT,
                "flow_id", flowId));
    pairs.addAll(List.of(extra));
    return pairs.toArray(String[]::new);
  }

  static Resp requestToken(Tenant t, String flowId, String... extra) {
    return api.postForm("/v1/api-keys", t.apiKey(), webTokenForm(flowId, extra));
  }

  /** Mints a web token and returns it. */
  static String mintToken(Tenant t, String flowId, String... extra) {
    Resp r = requestToken(t, flowId, extra);
    assertEquals(200, r.status(), () -> "token creation: " + r);
    return r.json().getString("api_key");
  }

  /** Opens (starts or resumes) the process of a web token; returns the process JSON. */
  static JsonObject openProcess(String token) {
    Resp r = api.postEmpty("/v1/processes", token);
    assertEquals(200, r.status(), () -> "process start: " + r);
    return r.json();
  }

  static String processIdOf(String token) {
    String id = openProcess(token).getString("process_id");
    assertMatches(IDP, id);
    return id;
  }

  /**
   * The process id the process URL redirects to: a valid token answers 303 to
   * {@code /flow.xhtml?process_id=IDP...}, like Truora's URL once the flow has started.
   */
  static String hostedProcessId(Resp redirect) {
    assertEquals(303, redirect.status(), redirect::toString);
    String location = redirect.header("Location");
    Matcher m = Pattern.compile("/flow\\.xhtml\\?process_id=(IDP[0-9a-f]{32})$").matcher(location);
    assertTrue(m.find(), () -> "unexpected Location " + location);
    return m.group(1);
  }

  // ---------------------------------------------------------------- assertions

  static JsonObject envelope(int httpStatus, int code, String message) {
    return Json.createObjectBuilder().add("code", code).add("http_code", httpStatus).add("message", message).build();
  }

  /** Exact status and exact error envelope. */
  static void assertError(Resp r, int httpStatus, int code, String message) {
    assertEquals(httpStatus, r.status(), () -> "status of " + r);
    assertJsonContentType(r);
    assertEquals(envelope(httpStatus, code, message), r.json(), () -> "body of " + r);
  }

  /** 400 / 10400 with the message. */
  static void assertInvalid(Resp r, String message) {
    assertError(r, 400, 10400, message);
  }

  static void assertUnauthorized(Resp r) {
    assertEquals(401, r.status(), () -> "status of " + r);
    assertEquals(UNAUTHORIZED_BODY, r.body());
    assertJsonContentType(r);
  }

  static void assertJsonContentType(Resp r) {
    String type = r.header("Content-Type");
    assertTrue(type != null && type.startsWith("application/json"), () -> "Content-Type " + type + " of " + r);
  }

  static void assertMatches(Pattern p, String value) {
    assertTrue(value != null && p.matcher(value).matches(), () -> value + " does not match " + p);
  }

  static void assertAbsent(JsonObject o, String member) {
    assertFalse(o.containsKey(member), () -> member + " should be absent in " + o);
  }

  /** The values of one string member across an array of objects. */
  static List<String> ids(Resp r, String arrayMember, String idMember) {
    List<String> out = new ArrayList<>();
    for (JsonValue v : r.array(arrayMember)) {
      out.add(v.asJsonObject().getString(idMember));
    }
    return out;
  }

  static String encode(String s) {
    return ApiClient.enc(s);
  }
}
