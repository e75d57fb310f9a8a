package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Error answers: Truora's envelope for unknown paths, wrong methods, oversized and malformed
 * bodies; the bare 401; and no stack trace, class name or SQL in any of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsIT extends ItSupport {

  private static final int LIMIT = 64 * 1024;

  private final List<Resp> collected = Collections.synchronizedList(new ArrayList<>());
  private Tenant tenant;

  @BeforeAll
  void setUp() {
    tenant = newTenant("Errors");
  }

  /** Every error answer of this class goes through here and is checked for leaks at the end. */
  private Resp c(Resp r) {
    collected.add(r);
    assertNoLeak(r);
    return r;
  }

  @Test
  void anUnknownPathIsNotFoundInTheEnvelope() {
    assertError(c(api.get("/v1/does-not-exist", tenant.apiKey())), 404, 10404, "Resource not found");
    assertError(c(api.get("/v1/processes/IDPx/unknown-sub-resource", tenant.apiKey())), 404, 10404, "Resource not found");
    assertError(c(api.postEmpty("/v1/nothing/here", tenant.apiKey())), 404, 10404, "Resource not found");
  }

  @Test
  void anUnknownPathWithoutAKeyIsTheGatewaysMissingAuthenticationToken() {
    for (Resp r : List.of(
        c(api.get("/v1/does-not-exist", null)),
        c(api.postEmpty("/v1/nothing/here", null)),
        c(api.get("/v1/processes/IDPx/unknown-sub-resource", "  ")))) {
      assertEquals(403, r.status(), r::toString);
      assertEquals("{\"message\":\"Missing Authentication Token\"}", r.body());
      assertJsonContentType(r);
    }
    // A known path without a key stays the bare 401.
    assertUnauthorized(c(api.get("/v1/processes", null)));
  }

  @Test
  void aWrongMethodIs405InTheEnvelopeWithAllow() {
    String message = "Invalid request: method not allowed on this resource";
    Resp flows = c(api.delete("/v1/flows", tenant.apiKey()));
    assertError(flows, 405, 10400, message);
    assertTrue(allowed(flows).containsAll(Set.of("GET", "POST")) && !allowed(flows).contains("DELETE"), () -> flows.header("Allow"));
    Resp processes = c(api.send(api.request("/v1/processes", tenant.apiKey()).PUT(HttpRequest.BodyPublishers.noBody())));
    assertError(processes, 405, 10400, message);
    assertTrue(allowed(processes).containsAll(Set.of("GET", "POST")) && !allowed(processes).contains("PUT"), () -> processes.header("Allow"));
    Resp accounts = c(api.delete("/v1/accounts", tenant.apiKey()));
    assertError(accounts, 405, 10400, message);
    assertTrue(allowed(accounts).containsAll(Set.of("GET", "POST")), () -> accounts.header("Allow"));
    Resp result = c(api.delete("/v1/processes/IDP00000000000000000000000000000000/result", tenant.apiKey()));
    assertError(result, 405, 10400, message);
    assertTrue(allowed(result).contains("GET") && !allowed(result).contains("DELETE"), () -> result.header("Allow"));
  }

  private static Set<String> allowed(Resp r) {
    String allow = r.header("Allow");
    assertTrue(allow != null, () -> "no Allow header on " + r);
    return Arrays.stream(allow.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aMissingOrUnknownKeyIsTheBare401() {
    assertUnauthorized(c(api.get("/v1/flows", null)));
    assertUnauthorized(c(api.get("/v1/processes", null)));
    assertUnauthorized(c(api.get("/v1/processes/IDP00000000000000000000000000000000/result", null)));
    assertUnauthorized(c(api.postForm("/v1/api-keys", null, "key_type", "web")));
    assertUnauthorized(c(api.postEmpty("/v1/processes", null)));
    assertUnauthorized(c(api.get("/v1/accounts", "")));
    assertUnauthorized(c(api.get("/v1/accounts", "   ")));
    assertUnauthorized(c(api.get("/v1/accounts", "tenant-key-that-does-not-exist")));
    // A revoked backend key is unknown from then on.
    Resp second = api.postForm("/v1/api-keys", tenant.apiKey(), "key_type", "backend", "key_name", "short-lived");
    String key = second.json().getString("api_key");
    assertEquals(200, api.get("/v1/flows", key).status());
    assertEquals(200, api.delete("/v1/api-keys/" + Jwts.claims(key).getJWTID(), tenant.apiKey()).status());
    assertUnauthorized(c(api.get("/v1/flows", key)));
  }

  @Test
  void theAdminApiWantsItsOwnKey() {
    Resp r =
        c(api.send(
            api.request("/v1/admin/clients", null)
                .header("Identity-Admin-Key", "wrong")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x"))));
    assertUnauthorized(r);
    // A tenant's backend key is no admin key.
    Resp withBackendKey =
        c(api.send(
            api.request("/v1/admin/clients", null)
                .header("Identity-Admin-Key", tenant.apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x"))));
    assertUnauthorized(withBackendKey);
  }

  @Test
  void aBodyOverTheLimitIs413AndWritesNothing() {
    List<String> flowsBefore = ids(api.get("/v1/flows", tenant.apiKey()), "flows", "flow_id");
    String hugeFlow = "{\"name\":\"" + "a".repeat(LIMIT) + "\",\"steps\":[{\"type\":\"face-recognition\"}]}";
    String message = "Invalid request: the request body is too large";
    assertError(c(api.postJson("/v1/flows", tenant.apiKey(), hugeFlow)), 413, 10400, message);
    assertEquals(flowsBefore, ids(api.get("/v1/flows", tenant.apiKey()), "flows", "flow_id"));

    String flowId = createFlow(tenant, FULL_FLOW);
    List<String> tokensBefore = ids(api.get("/v1/api-keys", tenant.apiKey()), "api_keys", "api_key_id");
    String hugeForm = ApiClient.form(webTokenForm(flowId, "start_variables.metadata.blob", "b".repeat(LIMIT)));
    assertError(c(api.postRawForm("/v1/api-keys", tenant.apiKey(), hugeForm)), 413, 10400, message);
    // Without a Content-Length (chunked) the limit holds too.
    Resp chunked =
        c(api.send(
            api.request("/v1/api-keys", tenant.apiKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(hugeForm.getBytes(StandardCharsets.UTF_8))))));
    assertError(chunked, 413, 10400, message);
    assertEquals(tokensBefore, ids(api.get("/v1/api-keys", tenant.apiKey()), "api_keys", "api_key_id"));
    assertEquals(List.of(flowId), ids(api.get("/v1/flows", tenant.apiKey()), "flows", "flow_id").subList(0, 1));

    // Just under the limit is read (and rejected for its content, not its size).
    String underLimit = "{\"name\":\"" + "a".repeat(LIMIT - 100) + "\",\"steps\":[{\"type\":\"face-recognition\"}]}";
    assertInvalid(c(api.postJson("/v1/flows", tenant.apiKey(), underLimit)), "Invalid request: name must be 1 to 100 characters long");
  }

  @Test
  void malformedJsonIs400() {
    assertInvalid(c(api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":")), "Invalid request: the body is not valid JSON");
    assertInvalid(c(api.postJson("/v1/flows", tenant.apiKey(), "not json at all")), "Invalid request: the body is not valid JSON");
    assertInvalid(c(api.postJson("/v1/flows", tenant.apiKey(), "[]")), "Invalid request: the body must be a JSON object");
    assertInvalid(c(api.postJson("/v1/flows", tenant.apiKey(), "")), "Invalid request: the body is not valid JSON");
  }

  @Test
  void unknownJsonFieldsAreNamed() {
    assertInvalid(
        c(api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"x\",\"colour\":\"red\",\"steps\":[{\"type\":\"face-recognition\"}]}")),
        "Invalid request: unknown field colour");
    assertInvalid(
        c(api.postJson("/v1/flows", tenant.apiKey(),
            "{\"name\":\"x\",\"steps\":[{\"type\":\"face-recognition\",\"config\":{\"foo\":1}}]}")),
        "Invalid request: unknown field steps[0].config.foo");
  }

  @Test
  void timeToLiveOutOfRangeIs400() {
    String message = "Invalid request: time_to_live must be between 1 and 1440 minutes";
    assertInvalid(c(api.postJson("/v1/flows", tenant.apiKey(), flowJson("x", 0, "face-recognition"))), message);
    assertInvalid(c(api.postJson("/v1/flows", tenant.apiKey(), flowJson("x", 1441, "face-recognition"))), message);
    assertInvalid(
        c(api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"x\",\"time_to_live\":\"60\",\"steps\":[{\"type\":\"face-recognition\"}]}")),
        "Invalid request: time_to_live must be an integer");
    assertInvalid(
        c(api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"x\",\"time_to_live\":1.5,\"steps\":[{\"type\":\"face-recognition\"}]}")),
        "Invalid request: time_to_live must be an integer");
  }

  @Test
  void wrongContentTypesAre415() {
    assertError(c(api.postForm("/v1/flows", tenant.apiKey(), "name", "x")), 415, 10400, "Invalid request: unsupported content type");
    assertError(c(api.postJson("/v1/accounts", tenant.apiKey(), "{}")), 415, 10400, "Invalid request: unsupported content type");
  }

  @Test
  void unreadableFormsAre400() {
    assertInvalid(c(api.postRawForm("/v1/api-keys", tenant.apiKey(), "key_type=%zz")),
        "Invalid request: the request body or parameters could not be read");
  }

  @Test
  void hostileInputsNeverLeakInternals() {
    List<Resp> answers =
        List.of(
            api.get("/v1/processes/" + encode("' OR 1=1 --"), tenant.apiKey()),
            api.get("/v1/processes/" + "A".repeat(2000) + "/result", tenant.apiKey()),
            api.get("/v1/accounts/" + encode("x' UNION SELECT * FROM client --"), tenant.apiKey()),
            api.get("/v1/flows/" + encode("IPF\u00e9\u4e2d"), tenant.apiKey()),
            api.get("/v1/processes?start_key=" + encode("' OR 1=1"), tenant.apiKey()),
            api.get("/v1/processes?start_date=" + encode("2024-13-45T99:99:99Z") + "&end_date=x", tenant.apiKey()),
            api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"x\",\"steps\":[{\"type\":\"face-recognition\",\"config\":{\"face_threshold\":\"high\"}}]}"),
            api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"x\",\"steps\":[null]}"),
            api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"x\",\"steps\":{\"type\":\"face-recognition\"}}"),
            api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"x\",\"time_to_live\":99999999999999999999,\"steps\":[]}"),
            api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"x\u0000\",\"steps\":[{\"type\":\"face-recognition\"}]}"),
            api.postForm("/v1/accounts", tenant.apiKey(), "account_id", "x'; DROP TABLE account; --"),
            api.postForm("/v1/accounts", tenant.apiKey(), "document_issue_date", "2024-02-30"),
            api.postForm("/v1/api-keys", tenant.apiKey(), "key_type", "web\u0000"),
            api.putJson("/v1/flows/" + encode("IPF' OR 1=1"), tenant.apiKey(), FULL_FLOW),
            api.delete("/v1/api-keys/" + encode("' OR 1=1 --"), tenant.apiKey()),
            api.postEmpty("/v1/processes", "eyJhbGciOiJub25lIn0.eyJqdGkiOiInIE9SIDE9MSJ9."));
    for (Resp r : answers) {
      c(r);
      assertTrue(r.status() >= 400 && r.status() < 500, () -> "a client error, not " + r);
    }
    // Search text is data, never SQL or a LIKE pattern: these find nothing instead of everything.
    String process = processIdOf(mintToken(tenant, createFlow(tenant, FULL_FLOW), "account_id", "plain-account"));
    assertEquals(List.of(process), ids(api.get("/v1/processes?search=plain", tenant.apiKey()), "identity_processes", "process_id"));
    for (String search : List.of("%' OR '1'='1", "%", "_", "\\", "' OR 1=1 --")) {
      Resp r = c(api.get("/v1/processes?search=" + encode(search), tenant.apiKey()));
      assertEquals(200, r.status(), r::toString);
      assertEquals(List.of(), ids(r, "identity_processes", "process_id"), search);
    }
  }

  @AfterAll
  void noErrorBodyLeaksInternals() {
    assertFalse(collected.isEmpty());
    for (Resp r : collected) {
      assertNoLeak(r);
    }
  }

  private static void assertNoLeak(Resp r) {
    for (String forbidden : List.of("Exception", "at io.", "SQL", "eclipse", "jakarta.", "org.postgresql", "Payara")) {
      assertFalse(r.body().contains(forbidden), () -> "'" + forbidden + "' in " + r);
    }
  }
}
