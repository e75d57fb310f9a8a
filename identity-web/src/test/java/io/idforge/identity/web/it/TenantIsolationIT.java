package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two tenants on one server: B never reads, changes or lists anything of A's, and a foreign id
 * answers exactly like an unknown one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT extends ItSupport {

  private Tenant a;
  private Tenant b;
  private String flowA;
  private String flowB;
  private String tokenA;
  private String jtiA;
  private String processA;
  private String accountA;
  private String processB;

  @BeforeAll
  void setUp() {
    a = newTenant("TenantA");
    b = newTenant("TenantB");
    flowA = createFlow(a, FULL_FLOW);
    flowB = createFlow(b, FULL_FLOW);
    tokenA = mintToken(a, flowA, "account_id", "a-only-account");
    jtiA = Jwts.claims(tokenA).getJWTID();
    processA = processIdOf(tokenA);
    accountA = "a-only-account";
    processB = processIdOf(mintToken(b, flowB));
  }

  @Test
  void bCannotReadAsProcessOrResult() {
    assertError(api.get("/v1/processes/" + processA, b.apiKey()), 404, 10404, "Resource not found");
    assertError(api.get("/v1/processes/" + processA + "/result", b.apiKey()), 404, 10404, "Resource not found");
    // Control: A can.
    assertEquals(200, api.get("/v1/processes/" + processA + "/result", a.apiKey()).status());
  }

  @Test
  void aWebTokenOfACannotReadBsProcess() {
    assertError(api.get("/v1/processes/" + processB, tokenA), 404, 10404, "Resource not found");
  }

  @Test
  void bCannotReadOrReplaceAsFlow() {
    assertError(api.get("/v1/flows/" + flowA, b.apiKey()), 404, 10404, "Flow not found");
    assertError(
        api.putJson("/v1/flows/" + flowA, b.apiKey(), flowJson("Hijacked", 60, "face-recognition")),
        404, 10404, "Flow not found");
    Resp flow = api.get("/v1/flows/" + flowA, a.apiKey());
    assertEquals(200, flow.status(), flow::toString);
    assertEquals(1, flow.json().getInt("flow_version"));
    assertEquals("KYC", flow.json().getString("name"));
  }

  @Test
  void bCannotReadAsAccount() {
    assertError(api.get("/v1/accounts/" + accountA, b.apiKey()), 404, 10404, "Validation account not found");
    assertEquals(200, api.get("/v1/accounts/" + accountA, a.apiKey()).status());
  }

  @Test
  void bCannotRevokeAsKeys() {
    assertError(api.delete("/v1/api-keys/" + jtiA, b.apiKey()), 404, 10404, "Resource not found");
    assertError(api.delete("/v1/api-keys/" + a.apiKeyId(), b.apiKey()), 404, 10404, "Resource not found");
    // Both still work.
    assertEquals(processA, openProcess(tokenA).getString("process_id"));
    assertEquals(200, api.get("/v1/flows", a.apiKey()).status());
  }

  @Test
  void bCannotMintATokenOnAsFlow() {
    assertInvalid(requestToken(b, flowA), "Invalid request: flow_id does not name a flow of this client");
  }

  @Test
  void bsListingsNeverContainAsIds() {
    List<String> processesB = ids(api.get("/v1/processes", b.apiKey()), "identity_processes", "process_id");
    List<String> accountsB = ids(api.get("/v1/accounts", b.apiKey()), "accounts", "account_id");
    List<String> flowsB = ids(api.get("/v1/flows", b.apiKey()), "flows", "flow_id");
    List<String> webKeysB = ids(api.get("/v1/api-keys", b.apiKey()), "api_keys", "api_key_id");
    List<String> backendKeysB = ids(api.get("/v1/api-keys?key_type=backend", b.apiKey()), "api_keys", "api_key_id");

    assertFalse(processesB.contains(processA), processesB::toString);
    assertFalse(accountsB.contains(accountA), accountsB::toString);
    assertFalse(flowsB.contains(flowA), flowsB::toString);
    assertFalse(webKeysB.contains(jtiA), webKeysB::toString);
    assertFalse(backendKeysB.contains(a.apiKeyId()), backendKeysB::toString);
    assertTrue(processesB.contains(processB) && flowsB.equals(List.of(flowB)), "B sees its own");
    assertEquals(List.of(b.apiKeyId()), backendKeysB);

    Resp searched = api.get("/v1/processes?search=" + processA, b.apiKey());
    assertEquals(List.of(), ids(searched, "identity_processes", "process_id"));
    assertEquals(List.of(), ids(api.get("/v1/processes?search=" + flowA, b.apiKey()), "identity_processes", "process_id"));
    assertEquals(List.of(), ids(api.get("/v1/processes?search=" + accountA, b.apiKey()), "identity_processes", "process_id"));

    // Control: the same searches find A's process for A.
    assertEquals(List.of(processA), ids(api.get("/v1/processes?search=" + processA, a.apiKey()), "identity_processes", "process_id"));
    assertTrue(ids(api.get("/v1/accounts", a.apiKey()), "accounts", "account_id").contains(accountA));
  }

  @Test
  void theSameAccountIdInTwoTenantsNamesTwoAccounts() {
    Resp inA = api.postForm("/v1/accounts", a.apiKey(), "account_id", "customer-1", "first_name", "Ana");
    Resp inB = api.postForm("/v1/accounts", b.apiKey(), "account_id", "customer-1", "first_name", "Bruno");
    assertEquals(201, inA.status(), inA::toString);
    assertEquals(201, inB.status(), inB::toString);
    assertEquals("Ana", api.get("/v1/accounts/customer-1", a.apiKey()).json().getString("first_name"));
    assertEquals("Bruno", api.get("/v1/accounts/customer-1", b.apiKey()).json().getString("first_name"));

    // Tokens for "customer-1" start processes in their own tenant only.
    String processInA = processIdOf(mintToken(a, flowA, "account_id", "customer-1"));
    String processInB = processIdOf(mintToken(b, flowB, "account_id", "customer-1"));
    assertEquals(List.of(processInA), ids(api.get("/v1/processes?search=customer-1", a.apiKey()), "identity_processes", "process_id"));
    assertEquals(List.of(processInB), ids(api.get("/v1/processes?search=customer-1", b.apiKey()), "identity_processes", "process_id"));
  }
}
