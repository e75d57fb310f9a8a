package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /v1/processes} and {@code GET /v1/accounts}: pages of at most 20 with relative
 * {@code next}/{@code self} links, every item exactly once, and Truora's filters and their
 * validation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingIT extends ItSupport {

  private static final int MAIN = 22;
  private static final int SIDE = 3;

  private Tenant tenant;
  private String run;
  private String mainFlow;
  private String sideFlow;
  /** In creation order. */
  private final List<String> mainProcesses = new ArrayList<>();
  private final List<String> sideProcesses = new ArrayList<>();
  private final List<String> mainAccounts = new ArrayList<>();

  @BeforeAll
  void setUp() {
    tenant = newTenant("Listing");
    run = UUID.randomUUID().toString().substring(0, 6);
    mainFlow = createFlow(tenant, FULL_FLOW);
    sideFlow = createFlow(tenant, flowJson("Side", 120, "face-recognition"));
    for (int i = 0; i < MAIN; i++) {
      String account = String.format("lst-%s-%02d", run, i);
      mainAccounts.add(account);
      mainProcesses.add(processIdOf(mintToken(tenant, mainFlow, "account_id", account)));
    }
    for (int i = 0; i < SIDE; i++) {
      sideProcesses.add(processIdOf(mintToken(tenant, sideFlow, "account_id", "s_" + run + "-" + i)));
    }
  }

  private List<String> all() {
    List<String> all = new ArrayList<>(mainProcesses);
    all.addAll(sideProcesses);
    return all;
  }

  @Test
  void pagesOfTwentyFollowingNextYieldEveryProcessOnce() {
    Resp first = api.get("/v1/processes", tenant.apiKey());
    assertEquals(200, first.status(), first::toString);
    JsonObject page1 = first.json();
    List<String> ids1 = ids(first, "identity_processes", "process_id");
    assertEquals(20, ids1.size());
    assertEquals("/v1/processes", page1.getString("self"));
    String next = page1.getString("next");
    assertTrue(next.startsWith("/v1/processes?start_key="), next);

    // Newest first.
    List<String> newestFirst = new ArrayList<>(all());
    java.util.Collections.reverse(newestFirst);
    assertEquals(newestFirst.subList(0, 20), ids1);

    Resp second = api.get(next, tenant.apiKey());
    assertEquals(200, second.status(), second::toString);
    List<String> ids2 = ids(second, "identity_processes", "process_id");
    assertEquals(5, ids2.size());
    assertEquals(next, second.json().getString("self"));
    assertNull(second.json().get("next"), "the last page has no next");

    List<String> seen = new ArrayList<>(ids1);
    seen.addAll(ids2);
    assertEquals(25, new HashSet<>(seen).size(), "no duplicates");
    assertEquals(Set.copyOf(all()), Set.copyOf(seen));
  }

  @Test
  void nextKeepsTheFilters() {
    Resp first = api.get("/v1/processes?status=pending", tenant.apiKey());
    assertEquals(20, ids(first, "identity_processes", "process_id").size());
    assertEquals("/v1/processes?status=pending", first.json().getString("self"));
    String next = first.json().getString("next");
    assertTrue(next.startsWith("/v1/processes?") && next.contains("status=pending") && next.contains("start_key="), next);
    Resp second = api.get(next, tenant.apiKey());
    assertEquals(5, ids(second, "identity_processes", "process_id").size());
    assertNull(second.json().get("next"));
  }

  @Test
  void statusAndFailureStatusFilter() {
    assertEquals(20, ids(api.get("/v1/processes?status=pending", tenant.apiKey()), "identity_processes", "process_id").size());
    assertEquals(List.of(), listed("status=success"));
    assertEquals(List.of(), listed("status=failure"));
    assertEquals(List.of(), listed("failure_status=expired"));
    assertEquals(List.of(), listed("failure_status=declined"));
    assertEquals(List.of(), listed("status=pending&failure_status=system_error"));
    assertEquals(List.of(), listed("declined_reason=blurry_image"));
    for (JsonObject p : items("status=pending")) {
      assertEquals("pending", p.getString("status"));
    }
  }

  @Test
  void searchIsExactForProcessAndFlowIdsAndAPrefixForAccountIds() {
    String someProcess = mainProcesses.get(7);
    assertEquals(List.of(someProcess), listed("search=" + someProcess));
    assertEquals(List.of(), listed("search=" + someProcess.substring(0, 20)));

    List<String> side = new ArrayList<>(sideProcesses);
    java.util.Collections.reverse(side);
    assertEquals(side, listed("search=" + sideFlow));
    assertEquals(List.of(), listed("search=" + sideFlow.substring(0, 20)));

    // lst-<run>-1 is a prefix of lst-<run>-10 .. lst-<run>-19.
    List<String> tens = new ArrayList<>(mainProcesses.subList(10, 20));
    java.util.Collections.reverse(tens);
    assertEquals(tens, listed("search=lst-" + run + "-1"));
    assertEquals(List.of(mainProcesses.get(5)), listed("search=" + mainAccounts.get(5)));
    // '_' in the search is literal, not a LIKE wildcard: l_t-<run> matches nothing.
    assertEquals(List.of(), listed("search=l_t-" + run));
    assertEquals(SIDE, listed("search=s_" + run).size());
    // Search combines with the other filters.
    assertEquals(List.of(), listed("status=success&search=" + someProcess));
  }

  @Test
  void aDateRangeFilters() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    String current = "start_date=" + encode(now.minusDays(1).toString()) + "&end_date=" + encode(now.plusDays(1).toString());
    Resp r = api.get("/v1/processes?" + current, tenant.apiKey());
    assertEquals(200, r.status(), r::toString);
    assertEquals(20, ids(r, "identity_processes", "process_id").size());
    assertNotNull(r.json().get("next"));
    String offset = "start_date=" + encode("2020-01-01T00:00:00-05:00") + "&end_date=" + encode("2020-02-01T00:00:00-05:00");
    assertEquals(List.of(), listed(offset));
  }

  @Test
  void invalidFiltersAreRejectedNamingTheParameter() {
    assertInvalid(api.get("/v1/processes?status=done", tenant.apiKey()),
        "Invalid request: status must be pending, success or failure");
    assertInvalid(api.get("/v1/processes?failure_status=lost", tenant.apiKey()),
        "Invalid request: failure_status must be declined, expired or system_error");
    assertInvalid(api.get("/v1/processes?declined_reason=not_a_reason", tenant.apiKey()),
        "Invalid request: declined_reason not_a_reason is not a known declined reason");
    // An expired_reason is not a declined_reason.
    assertInvalid(api.get("/v1/processes?declined_reason=email_validation_not_started", tenant.apiKey()),
        "Invalid request: declined_reason email_validation_not_started is not a known declined reason");
    assertInvalid(api.get("/v1/processes?start_date=" + encode("2024-01-01T00:00:00Z"), tenant.apiKey()),
        "Invalid request: start_date and end_date must be given together");
    assertInvalid(api.get("/v1/processes?end_date=" + encode("2024-01-01T00:00:00Z"), tenant.apiKey()),
        "Invalid request: start_date and end_date must be given together");
    assertInvalid(
        api.get("/v1/processes?start_date=" + encode("2024-01-01T00:00:00Z") + "&end_date=" + encode("2024-03-15T00:00:00Z"), tenant.apiKey()),
        "Invalid request: end_date must be after start_date and at most two months later");
    assertInvalid(
        api.get("/v1/processes?start_date=" + encode("2024-03-01T00:00:00Z") + "&end_date=" + encode("2024-02-01T00:00:00Z"), tenant.apiKey()),
        "Invalid request: end_date must be after start_date and at most two months later");
    assertInvalid(
        api.get("/v1/processes?start_date=yesterday&end_date=" + encode("2024-02-01T00:00:00Z"), tenant.apiKey()),
        "Invalid request: start_date must be an ISO-8601 date-time with offset, e.g. 2024-01-31T00:00:00-05:00");
    assertInvalid(api.get("/v1/processes?search=" + "x".repeat(101), tenant.apiKey()),
        "Invalid request: search must be at most 100 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zzz", "not%20base64!", "eDox", "azE6YWJj", "azE6"})
  void anInvalidStartKeyIsRejected(String startKey) {
    // eDox = "x:1", azE6YWJj = "k1:abc", azE6 = "k1:"
    assertInvalid(api.get("/v1/processes?start_key=" + startKey, tenant.apiKey()),
        "Invalid request: start_key is not a valid cursor");
    assertInvalid(api.get("/v1/accounts?start_key=" + startKey, tenant.apiKey()),
        "Invalid request: start_key is not a valid cursor");
  }

  @Test
  void accountsPageTheSameWay() {
    Tenant own = newTenant("ListingAccounts");
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 25; i++) {
      String id = String.format("pg-%s-%02d", run, i);
      Resp r = api.postForm("/v1/accounts", own.apiKey(), "account_id", id);
      assertEquals(201, r.status(), r::toString);
      created.add(id);
    }
    Resp first = api.get("/v1/accounts", own.apiKey());
    assertEquals(200, first.status(), first::toString);
    List<String> ids1 = ids(first, "accounts", "account_id");
    assertEquals(20, ids1.size());
    assertEquals("/v1/accounts", first.json().getString("self"));
    String next = first.json().getString("next");
    assertTrue(next.startsWith("/v1/accounts?start_key="), next);
    Resp second = api.get(next, own.apiKey());
    List<String> ids2 = ids(second, "accounts", "account_id");
    assertEquals(5, ids2.size());
    assertNull(second.json().get("next"));
    List<String> seen = new ArrayList<>(ids1);
    seen.addAll(ids2);
    assertEquals(25, new HashSet<>(seen).size());
    assertEquals(created, Set.copyOf(seen));
    assertEquals(String.format("pg-%s-24", run), ids1.get(0), "newest first");
  }

  @Test
  void aStartKeyFromAnotherListingOnlyMovesTheCursor() {
    // The cursor is opaque but tenant-neutral: it never reveals another tenant's rows.
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString("k1:9223372036854775807".getBytes(StandardCharsets.UTF_8));
    Resp r = api.get("/v1/processes?start_key=" + key, tenant.apiKey());
    assertEquals(200, r.status(), r::toString);
    Set<String> mine = Set.copyOf(all());
    for (String id : ids(r, "identity_processes", "process_id")) {
      assertTrue(mine.contains(id), id);
    }
  }

  private List<String> listed(String query) {
    Resp r = api.get("/v1/processes?" + query, tenant.apiKey());
    assertEquals(200, r.status(), r::toString);
    return ids(r, "identity_processes", "process_id");
  }

  private List<JsonObject> items(String query) {
    Resp r = api.get("/v1/processes?" + query, tenant.apiKey());
    assertEquals(200, r.status(), r::toString);
    List<JsonObject> out = new ArrayList<>();
    r.array("identity_processes").forEach(v -> out.add(v.asJsonObject()));
    return out;
  }
}
