package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A process from first open to revocation: created once per token (also under concurrent first
 * opens), the same from the API and the hosted page, Truora's read and result shapes, revocation,
 * and flow versions pinned when a process starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessLifecycleIT extends ItSupport {

  private Tenant tenant;
  private String flowId;

  @BeforeAll
  void setUp() {
    tenant = newTenant("Lifecycle");
    flowId = createFlow(tenant, FULL_FLOW);
  }

  @Test
  void theFirstOpenCreatesAPendingProcessAndLaterOpensResumeIt() {
    String accountId = "life-" + UUID.randomUUID().toString().substring(0, 8);
    String token = mintToken(tenant, flowId, "account_id", accountId);
    Resp first = api.postEmpty("/v1/processes", token);
    assertEquals(200, first.status(), first::toString);
    JsonObject p = first.json();
    String processId = p.getString("process_id");
    assertMatches(IDP, processId);
    assertEquals(accountId, p.getString("account_id"));
    assertEquals(tenant.clientId(), p.getString("client_id"));
    assertEquals(flowId, p.getString("flow_id"));
    assertEquals(1, p.getInt("flow_version"));
    assertEquals("web", p.getString("created_via"));
    assertEquals("ALL", p.getString("country"));
    assertEquals("pending", p.getString("status"));
    assertEquals(0, p.getInt("current_step_index"));
    assertEquals("email-verification", p.getString("current_step_type"));
    assertEquals(120, p.getInt("time_to_live"));
    assertEquals(REDIRECT, p.getString("redirect_url"));
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, p.getJsonArray("validations"));
    assertAbsent(p, "failure_status");
    assertAbsent(p, "declined_reason");
    assertAbsent(p, "expired_reason");
    JsonArray steps = p.getJsonArray("steps");
    assertEquals(3, steps.size());
    List<String> types = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    for (JsonValue v : steps) {
      JsonObject s = v.asJsonObject();
      assertMatches(IPS, s.getString("step_id"));
      types.add(s.getString("type"));
      statuses.add(s.getString("status"));
    }
    assertEquals(List.of("email-verification", "document-validation", "face-recognition"), types);
    assertEquals(List.of("in_progress", "pending", "pending"), statuses);

    Resp second = api.postEmpty("/v1/processes", token);
    assertEquals(200, second.status(), second::toString);
    assertEquals(processId, second.json().getString("process_id"));
    // The same process, so the same answer, to the microsecond.
    assertEquals(p, second.json());

    // The token's listing entry now names its process.
    String jti = Jwts.claims(token).getJWTID();
    for (JsonValue v : api.get("/v1/api-keys", tenant.apiKey()).array("api_keys")) {
      if (v.asJsonObject().getString("api_key_id").equals(jti)) {
        assertEquals(processId, v.asJsonObject().getString("process_id"));
      }
    }
  }

  @Test
  void theProcessUrlRedirectsToTheSameProcessByGetAndByPost() {
    String token = mintToken(tenant, flowId);
    Resp page = api.get("/?token=" + encode(token), null);
    assertEquals("no-store", page.header("Cache-Control"));
    assertEquals("no-referrer", page.header("Referrer-Policy"));
    assertTrue(page.header("Set-Cookie").contains("HttpOnly"), page::toString);
    String processId = hostedProcessId(page);
    assertMatches(IDP, processId);

    Resp posted =
        api.send(
            api.request("/", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.form("token", token))));
    assertEquals(processId, hostedProcessId(posted));

    assertEquals(processId, openProcess(token).getString("process_id"));
  }

  @Test
  void theApiAndThenTheHostedPageAgreeToo() {
    String token = mintToken(tenant, flowId);
    String processId = processIdOf(token);
    assertEquals(processId, hostedProcessId(api.get("/?token=" + encode(token), null)));
  }

  @Test
  void theLandingPageWithoutATokenIsPlainHtml() {
    Resp page = api.get("/", null);
    assertEquals(200, page.status());
    assertTrue(page.body().contains("<html"), page::toString);
    assertTrue(!page.body().contains("process-id"), page::toString);
  }

  @Test
  void concurrentFirstOpensMakeOneProcess() {
    String accountId = "race-" + UUID.randomUUID().toString().substring(0, 8);
    String token = mintToken(tenant, flowId, "account_id", accountId);
    List<CompletableFuture<Resp>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(api.sendAsync(api.request("/v1/processes", token).POST(HttpRequest.BodyPublishers.noBody())));
    }
    Set<String> ids = new HashSet<>();
    for (CompletableFuture<Resp> call : calls) {
      Resp r = call.join();
      assertEquals(200, r.status(), r::toString);
      ids.add(r.json().getString("process_id"));
    }
    assertEquals(1, ids.size(), () -> "process ids: " + ids);
    Resp listed = api.get("/v1/processes?search=" + accountId, tenant.apiKey());
    assertEquals(List.copyOf(ids), ids(listed, "identity_processes", "process_id"));
  }

  @Test
  void readAndResultHaveTheSeedsShape() {
    String token = mintToken(tenant, flowId, "account_id", "shape-user");
    JsonObject started = openProcess(token);
    String processId = started.getString("process_id");

    Resp result = api.get("/v1/processes/" + processId + "/result", tenant.apiKey());
    assertEquals(200, result.status(), result::toString);
    assertJsonContentType(result);
    JsonObject r = result.json();
    assertEquals(processId, r.getString("process_id"));
    assertEquals("shape-user", r.getString("account_id"));
    assertEquals(tenant.clientId(), r.getString("client_id"));
    assertEquals(flowId, r.getString("flow_id"));
    assertEquals(1, r.getInt("flow_version"));
    assertEquals("web", r.getString("created_via"));
    assertEquals("ALL", r.getString("country"));
    assertEquals("pending", r.getString("status"));
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, r.getJsonArray("validations"));
    OffsetDateTime created = OffsetDateTime.parse(r.getString("creation_date"));
    OffsetDateTime updated = OffsetDateTime.parse(r.getString("update_date"));
    assertEquals(created, updated);
    assertEquals(OffsetDateTime.parse(started.getString("creation_date")).toInstant(), created.toInstant());
    assertAbsent(r, "failure_status");
    assertAbsent(r, "declined_reason");
    assertAbsent(r, "expired_reason");
    assertAbsent(r, "steps");

    Resp read = api.get("/v1/processes/" + processId, tenant.apiKey());
    assertEquals(200, read.status(), read::toString);
    JsonObject full = read.json();
    for (String member : List.of(
        "process_id", "account_id", "client_id", "flow_id", "flow_version", "created_via", "country", "status",
        "validations", "creation_date", "update_date")) {
      assertEquals(r.get(member), full.get(member), member);
    }
    assertEquals(started.getJsonArray("steps"), full.getJsonArray("steps"));
    assertAbsent(full, "failure_status");

    // The web token may read its own process, and no other.
    Resp own = api.get("/v1/processes/" + processId, token);
    assertEquals(200, own.status(), own::toString);
    String otherProcess = processIdOf(mintToken(tenant, flowId));
    assertError(api.get("/v1/processes/" + otherProcess, token), 404, 10404, "Resource not found");
    assertError(api.get("/v1/processes/IDP00000000000000000000000000000000", tenant.apiKey()), 404, 10404, "Resource not found");
    assertError(api.get("/v1/processes/IDP00000000000000000000000000000000/result", tenant.apiKey()), 404, 10404, "Resource not found");
  }

  @Test
  void aRevokedTokenIsForbiddenAndCannotBeRevokedTwice() {
    String token = mintToken(tenant, flowId);
    String processId = processIdOf(token);
    String jti = Jwts.claims(token).getJWTID();

    Resp revoked = api.delete("/v1/api-keys/" + jti, tenant.apiKey());
    assertEquals(200, revoked.status(), revoked::toString);
    assertEquals(Json.createObjectBuilder().add("message", "API key successfully revoked").build(), revoked.json());

    assertError(api.postEmpty("/v1/processes", token), 403, 10403, "Forbidden: the api key has been revoked");
    Resp page = api.get("/?token=" + encode(token), null);
    assertEquals(403, page.status(), page::toString);
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    assertTrue(page.body().contains("data-status=\"403\""), page::toString);
    assertTrue(!page.body().contains(processId), "the page does not reveal the process");

    assertError(api.delete("/v1/api-keys/" + jti, tenant.apiKey()), 409, 10409, "This api key has already been revoked");

    JsonObject entry = null;
    for (JsonValue v : api.get("/v1/api-keys", tenant.apiKey()).array("api_keys")) {
      if (v.asJsonObject().getString("api_key_id").equals(jti)) {
        entry = v.asJsonObject();
      }
    }
    assertTrue(entry != null);
    assertEquals("revoked", entry.getString("status"));
    OffsetDateTime.parse(entry.getString("revocation_date"));

    // The backend still reads the process.
    assertEquals(200, api.get("/v1/processes/" + processId + "/result", tenant.apiKey()).status());
  }

  @Test
  void aTokenRevokedBeforeItsFirstOpenNeverStartsAProcess() {
    String accountId = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
    String token = mintToken(tenant, flowId, "account_id", accountId);
    assertEquals(200, api.delete("/v1/api-keys/" + Jwts.claims(token).getJWTID(), tenant.apiKey()).status());
    assertError(api.postEmpty("/v1/processes", token), 403, 10403, "Forbidden: the api key has been revoked");
    assertEquals(403, api.get("/?token=" + encode(token), null).status());
    assertEquals(List.of(), ids(api.get("/v1/processes?search=" + accountId, tenant.apiKey()), "identity_processes", "process_id"));
  }

  @Test
  void revokingAnUnknownKeyIsNotFound() {
    assertError(api.delete("/v1/api-keys/" + UUID.randomUUID(), tenant.apiKey()), 404, 10404, "Resource not found");
  }

  @Test
  void aProcessKeepsTheFlowVersionItStartedWith() {
    String versionedFlow = createFlow(tenant, flowJson("Versioned", 120, "email-verification"));
    String early = mintToken(tenant, versionedFlow);
    JsonObject v1 = openProcess(early);
    assertEquals(1, v1.getInt("flow_version"));
    String lateOpener = mintToken(tenant, versionedFlow);

    Resp updated = api.putJson("/v1/flows/" + versionedFlow, tenant.apiKey(),
        flowJson("Versioned", 120, "document-validation", "face-recognition"));
    assertEquals(200, updated.status(), updated::toString);
    assertEquals(2, updated.json().getInt("flow_version"));

    JsonObject v2 = openProcess(mintToken(tenant, versionedFlow));
    assertEquals(2, v2.getInt("flow_version"));
    assertEquals("document-validation", v2.getString("current_step_type"));
    assertEquals(2, v2.getJsonArray("steps").size());

    // A token minted before the update pins the version current when its process starts.
    JsonObject late = openProcess(lateOpener);
    assertEquals(2, late.getInt("flow_version"));

    Resp earlier = api.get("/v1/processes/" + v1.getString("process_id"), tenant.apiKey());
    assertEquals(1, earlier.json().getInt("flow_version"));
    assertEquals("email-verification", earlier.json().getString("current_step_type"));
    assertEquals(1, earlier.json().getJsonArray("steps").size());
    assertEquals(1, api.get("/v1/processes/" + v1.getString("process_id") + "/result", tenant.apiKey()).json().getInt("flow_version"));
    // Re-opening the early token resumes its version-1 process.
    assertEquals(v1.getString("process_id"), openProcess(early).getString("process_id"));
    assertEquals(1, openProcess(early).getInt("flow_version"));
  }

  @Test
  void aDisabledFlowMintsNoTokensAndStartsNoProcesses() {
    String flow = createFlow(tenant, flowJson("Soon disabled", 120, "email-verification"));
    String minted = mintToken(tenant, flow);
    Resp disabled = api.putJson("/v1/flows/" + flow, tenant.apiKey(),
        "{\"name\":\"Soon disabled\",\"status\":\"disabled\",\"steps\":[{\"type\":\"email-verification\"}]}");
    assertEquals(200, disabled.status(), disabled::toString);
    assertEquals("disabled", disabled.json().getString("status"));
    assertInvalid(requestToken(tenant, flow), "Invalid request: flow_id names a disabled flow");
    assertError(api.postEmpty("/v1/processes", minted), 422, 10422, "The flow of this api key is disabled");
  }
}
