package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import io.idforge.identity.web.it.HostileRequests.Fixture;
import io.idforge.identity.web.it.HostileRequests.Request;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Property-based fuzzing of every public endpoint of the running WAR (PostgreSQL behind it):
 * {@code fuzz.tries} generated hostile requests ({@link HostileRequests}), each checked for four
 * properties: no 5xx; no stack trace or internal name in the body; every non-2xx answer of the
 * API is Truora's envelope with a consistent code (or the bare 401); and a 4xx writes nothing
 * (the tenant's listings and its flow's version are unchanged). The build runs a bounded number
 * with a fixed seed; a longer run and the replay of one case are documented in SECURITY.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT extends ItSupport {

  private static final List<String> LEAKS =
      List.of("Exception", "\tat ", "at io.idforge", "at java.", "Caused by", "org.postgresql", "PSQL",
          "eclipse.persistence", "EclipseLink", "jakarta.ejb", "jakarta.persistence", "jakarta.servlet",
          "com.sun.faces", "SEVERE", "Payara", "Mojarra", "Stack trace");
  private static final Set<String> ENVELOPE_KEYS = Set.of("code", "http_code", "message");
  private static final int MAX_REPORTED = 15;

  private Tenant tenant;
  private String flowId;
  private Fixture fixture;

  @BeforeAll
  void setUp() {
    tenant = newTenant("Fuzz");
    flowId = createFlow(tenant, FULL_FLOW);
    String token = mintToken(tenant, flowId, "account_id", "fuzz-account");
    String processId = processIdOf(token);
    fixture = new Fixture(tenant.apiKey(), mintToken(tenant, flowId), ItServer.get().adminKey, flowId, processId, "fuzz-account");
  }

  @Test
  void everyEndpointAnswersHostileInputCleanly() {
    long seed = Long.getLong("fuzz.seed", 20261205L);
    int tries = Integer.getInteger("fuzz.tries", 150);
    Integer only = Integer.getInteger("fuzz.case");
    List<String> violations = new ArrayList<>();
    List<List<String>> state = state();
    int answered4xx = 0;
    long started = System.nanoTime();
    for (int i = only == null ? 0 : only; i < (only == null ? tries : only + 1); i++) {
      // Each case has its own generator, so one case replays alone (-Dfuzz.case=i).
      Request request = new HostileRequests(seed * 1_000_003L + i, fixture).next();
      Resp r = send(request);
      List<List<String>> after = state();
      for (String problem : problems(request, r)) {
        violations.add("case " + i + ": " + problem + "\n    " + request + "\n    -> " + abbreviate(r.toString()));
      }
      if (r.status() >= 400 && r.status() < 500) {
        answered4xx++;
        if (!after.equals(state)) {
          violations.add("case " + i + ": a " + r.status() + " wrote data\n    " + request
              + "\n    before " + state + "\n    after  " + after);
        }
      }
      state = after;
      if (violations.size() >= MAX_REPORTED) {
        break;
      }
    }
    System.out.printf("FuzzIT: seed %d, %d cases, %d answered 4xx, %d ms%n",
        seed, only == null ? tries : 1, answered4xx, (System.nanoTime() - started) / 1_000_000);
    assertTrue(violations.isEmpty(),
        () -> violations.size() + " violation(s) with -Dfuzz.seed=" + seed + ":\n" + String.join("\n", violations));
  }

  /** The properties one answer must have. */
  private static List<String> problems(Request request, Resp r) {
    List<String> out = new ArrayList<>();
    if (r.status() >= 500) {
      out.add("server error " + r.status());
    }
    for (String leak : LEAKS) {
      if (r.body().contains(leak)) {
        out.add("internal detail '" + leak.strip() + "' in the body");
      }
    }
    if (refusedByTheHttpLayer(request, r)) {
      return out;
    }
    if (!request.hosted() && (r.status() < 200 || r.status() >= 300)) {
      String envelopeProblem = envelopeProblem(r);
      if (envelopeProblem != null) {
        out.add(envelopeProblem);
      }
    }
    return out;
  }

  /**
   * Payara's HTTP layer answers an encoded NUL in the path with an empty 400 before the
   * application sees the request: a clean refusal, though not in the envelope.
   */
  private static boolean refusedByTheHttpLayer(Request request, Resp r) {
    String path = request.pathAndQuery().split("\\?", 2)[0];
    return path.contains("%00") && r.status() == 400 && r.body().isEmpty();
  }

  /** Null when a non-2xx answer of the API is the bare 401 or a consistent envelope. */
  private static String envelopeProblem(Resp r) {
    String type = r.header("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return "Content-Type " + type + " instead of application/json";
    }
    if (r.status() == 401) {
      return UNAUTHORIZED_BODY.equals(r.body()) ? null : "401 without the bare Unauthorized body";
    }
    JsonObject o;
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      o = reader.readObject();
    } catch (RuntimeException e) {
      return "body is not a JSON object";
    }
    if (!o.keySet().equals(ENVELOPE_KEYS)
        || o.get("code").getValueType() != JsonValue.ValueType.NUMBER
        || o.get("http_code").getValueType() != JsonValue.ValueType.NUMBER
        || o.get("message").getValueType() != JsonValue.ValueType.STRING) {
      return "not the error envelope";
    }
    if (o.getInt("http_code") != r.status()) {
      return "http_code " + o.getInt("http_code") + " differs from the status";
    }
    int expected = switch (r.status()) {
      case 403 -> 10403;
      case 404 -> 10404;
      case 409 -> 10409;
      case 422 -> 10422;
      default -> 10400;
    };
    return o.getInt("code") == expected ? null : "code " + o.getInt("code") + " for HTTP " + r.status();
  }

  /** What a write by this tenant would change: the head of every listing and the flow's version. */
  private List<List<String>> state() {
    return List.of(
        head(api.get("/v1/flows", tenant.apiKey()), "flows", "flow_id"),
        head(api.get("/v1/accounts", tenant.apiKey()), "accounts", "account_id"),
        head(api.get("/v1/api-keys", tenant.apiKey()), "api_keys", "api_key_id"),
        head(api.get("/v1/api-keys?key_type=backend", tenant.apiKey()), "api_keys", "api_key_id"),
        head(api.get("/v1/processes", tenant.apiKey()), "identity_processes", "process_id"),
        List.of(String.valueOf(api.get("/v1/flows/" + flowId, tenant.apiKey()).json().getInt("flow_version"))));
  }

  /** The first ids of a listing (newest first) and their number. */
  private static List<String> head(Resp r, String array, String id) {
    List<String> ids = ids(r, array, id);
    return List.of(ids.isEmpty() ? "" : ids.get(0), String.valueOf(ids.size()));
  }

  private static Resp send(Request request) {
    HttpRequest.BodyPublisher body =
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
    HttpRequest.Builder b = api.request(request.pathAndQuery(), request.key()).method(request.method(), body);
    if (request.contentType() != null) {
      b.header("Content-Type", request.contentType());
    }
    if (request.adminKey() != null) {
      b.header("Identity-Admin-Key", request.adminKey());
    }
    return api.send(b);
  }

  private static String abbreviate(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }
}
