package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Processes and tokens of a flow with a one-minute time to live: the process fails as expired
 * with the "not started" reason of the step it was on, the expiry job fails processes nobody
 * reads, reads racing the job still answer 200, and both the process's token and a token never
 * opened are refused afterwards. The only slow class (a little over a minute), so it runs
 * alongside the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class ExpiryIT extends ItSupport {

  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final int RACE_PROCESSES = 24;

  private Tenant tenant;
  private String emailToken;
  private String emailProcess;
  private String documentToken;
  private String documentProcess;
  private String neverOpenedToken;
  private JsonObject emailResult;
  private JsonObject documentListed;
  private final List<String> racingReadErrors = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  void startProcessesAndWaitForExpiry() throws Exception {
    tenant = newTenant("Expiry");
    String emailFlow = createFlow(tenant, flowJson("Expiry email first", 1, "email-verification", "face-recognition"));
    String documentFlow = createFlow(tenant, flowJson("Expiry document first", 1, "document-validation", "face-recognition"));

    emailToken = mintToken(tenant, emailFlow);
    emailProcess = processIdOf(emailToken);
    documentToken = mintToken(tenant, documentFlow);
    documentProcess = processIdOf(documentToken);
    neverOpenedToken = mintToken(tenant, emailFlow);

    // Processes of another tenant that are read over and over while the expiry job fails them.
    Tenant raceTenant = newTenant("ExpiryRace");
    String raceFlow = createFlow(raceTenant, flowJson("Expiry race", 1, "phone-verification"));
    List<String> raceProcesses = new ArrayList<>();
    for (int i = 0; i < RACE_PROCESSES; i++) {
      raceProcesses.add(processIdOf(mintToken(raceTenant, raceFlow)));
    }

    // Until just before the deadline in the token, the process is pending.
    long expiresAtMillis = Jwts.claims(emailToken).getExpirationTime().getTime();
    poll(DEADLINE, 
        () -> {
          JsonObject p = api.get("/v1/processes/" + emailProcess + "/result", tenant.apiKey()).json();
          assertEquals("pending", p.getString("status"), "pending before its time to live is over");
          return p;
        },
        p -> System.currentTimeMillis() > expiresAtMillis - 2_000);

    // Around the deadline, read the e-mail process and the race processes from several threads
    // until each read reports failure: reads expire overdue processes on the spot while the
    // expiry job does the same, and no read may answer anything but 200.
    Set<String> failed = ConcurrentHashMap.newKeySet();
    List<String> targets = new ArrayList<>(raceProcesses);
    targets.add(emailProcess);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    ExecutorService readers = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < 6; w++) {
        int first = w;
        running.add(
            readers.submit(
                () -> {
                  for (int i = first; failed.size() < targets.size() && System.nanoTime() < deadline; i++) {
                    String id = targets.get(i % targets.size());
                    String key = id.equals(emailProcess) ? tenant.apiKey() : raceTenant.apiKey();
                    Resp r = api.get("/v1/processes/" + id + "/result", key);
                    if (r.status() != 200) {
                      racingReadErrors.add(r.toString());
                    } else if ("failure".equals(r.json().getString("status"))) {
                      failed.add(id);
                      if (id.equals(emailProcess)) {
                        emailResult = r.json();
                      }
                    }
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      readers.shutdownNow();
    }
    assertEquals(targets.size(), failed.size(), "every process failed within " + DEADLINE);

    // The document process is never read directly: only the expiry job can fail it, and the
    // failure filter of the listing runs in the database, so it shows up once the job did its work.
    String query = "/v1/processes?status=failure&failure_status=expired&search=" + documentProcess;
    documentListed =
        poll(DEADLINE, 
            () -> {
              Resp r = api.get(query, tenant.apiKey());
              assertEquals(200, r.status(), r::toString);
              List<JsonValue> items = r.array("identity_processes");
              return items.isEmpty() ? null : items.get(0).asJsonObject();
            },
            p -> p != null);
  }

  @Test
  void readsRacingTheExpiryJobAlwaysAnswer200() {
    assertEquals(List.of(), List.copyOf(racingReadErrors));
  }

  @Test
  void anOverdueProcessFailsAsExpiredWithTheReasonOfItsFirstStep() {
    assertEquals(emailProcess, emailResult.getString("process_id"));
    assertEquals("failure", emailResult.getString("status"));
    assertEquals("expired", emailResult.getString("failure_status"));
    assertEquals("email_validation_not_started", emailResult.getString("expired_reason"));
    assertFalse(emailResult.containsKey("declined_reason"), emailResult::toString);
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, emailResult.getJsonArray("validations"));
    // Stable on later reads.
    JsonObject again = api.get("/v1/processes/" + emailProcess, tenant.apiKey()).json();
    assertEquals("failure", again.getString("status"));
    assertEquals("expired", again.getString("failure_status"));
    assertEquals("email_validation_not_started", again.getString("expired_reason"));
  }

  @Test
  void theExpiryJobFailsProcessesNobodyReads() {
    assertEquals(documentProcess, documentListed.getString("process_id"));
    assertEquals("failure", documentListed.getString("status"));
    assertEquals("expired", documentListed.getString("failure_status"));
    assertEquals("document_validation_not_started", documentListed.getString("expired_reason"));
  }

  @Test
  void theExpiredTokenIsForbidden() {
    assertError(api.postEmpty("/v1/processes", emailToken), 403, 10403, "Forbidden: the api key has expired");
    assertError(api.postEmpty("/v1/processes", documentToken), 403, 10403, "Forbidden: the api key has expired");
    Resp page = api.get("/?token=" + encode(emailToken), null);
    assertEquals(403, page.status(), page::toString);
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    assertTrue(page.body().contains("data-status=\"403\""), page::toString);
    assertFalse(page.body().contains(emailProcess), page::toString);
  }

  @Test
  void aTokenNeverOpenedIsForbiddenToo() {
    assertError(api.postEmpty("/v1/processes", neverOpenedToken), 403, 10403, "Forbidden: the api key has expired");
    Resp page = api.get("/?token=" + encode(neverOpenedToken), null);
    assertEquals(403, page.status(), page::toString);
    assertFalse(page.body().contains("process-id"), page::toString);
    // And it did not start a process while being refused.
    String jti = Jwts.claims(neverOpenedToken).getJWTID();
    for (JsonValue v : api.get("/v1/api-keys", tenant.apiKey()).array("api_keys")) {
      JsonObject entry = v.asJsonObject();
      if (entry.getString("api_key_id").equals(jti)) {
        assertEquals("expired", entry.getString("status"));
        assertAbsent(entry, "process_id");
      }
    }
  }

  @Test
  void theListingFiltersFindTheExpiredProcesses() {
    Resp expired = api.get("/v1/processes?status=failure&failure_status=expired", tenant.apiKey());
    assertEquals(200, expired.status(), expired::toString);
    List<String> ids = ids(expired, "identity_processes", "process_id");
    assertTrue(ids.containsAll(List.of(emailProcess, documentProcess)), ids::toString);
    assertEquals(2, ids.size(), ids::toString);

    assertEquals(List.of(), ids(api.get("/v1/processes?status=pending", tenant.apiKey()), "identity_processes", "process_id"));
    assertEquals(List.of(), ids(api.get("/v1/processes?failure_status=declined", tenant.apiKey()), "identity_processes", "process_id"));
    assertEquals(List.of(), ids(api.get("/v1/processes?status=success", tenant.apiKey()), "identity_processes", "process_id"));
  }

}
