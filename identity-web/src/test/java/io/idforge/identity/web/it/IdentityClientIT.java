package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.accounts.AccountResponse;
import io.idforge.identity.api.apikeys.ApiKeyCreatedResponse;
import io.idforge.identity.api.flows.FlowRequest;
import io.idforge.identity.api.flows.FlowResponse;
import io.idforge.identity.api.flows.FlowStepRequest;
import io.idforge.identity.api.processes.ProcessResponse;
import io.idforge.identity.client.AccountsClient;
import io.idforge.identity.client.ApiKeysClient;
import io.idforge.identity.client.FlowsClient;
import io.idforge.identity.client.IdentityApiException;
import io.idforge.identity.client.IdentityClients;
import io.idforge.identity.client.ProcessesClient;
import io.idforge.identity.client.TokenForm;
import jakarta.ws.rs.core.Form;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * identity-client against the running WAR, through RESTEasy's MicroProfile Rest Client: a flow,
 * an account, a token, the process it starts, its result and the listing, all as typed Java; and
 * the error envelope as {@link IdentityApiException}.
 */
class IdentityClientIT extends ItSupport {

  private static Tenant tenant;
  private static FlowsClient flows;
  private static AccountsClient accounts;
  private static ApiKeysClient apiKeys;
  private static ProcessesClient processes;

  @BeforeAll
  static void setUp() {
    tenant = newTenant("Client");
    var base = ItServer.get().baseUri;
    flows = IdentityClients.create(FlowsClient.class, base);
    accounts = IdentityClients.create(AccountsClient.class, base);
    apiKeys = IdentityClients.create(ApiKeysClient.class, base);
    processes = IdentityClients.create(ProcessesClient.class, base);
  }

  @Test
  void aCallerRunsTheWholeIntegrationWithTypedJava() {
    FlowResponse flow =
        flows.create(tenant.apiKey(),
            new FlowRequest("Typed client", 30, null, List.of(new FlowStepRequest("document-validation", null)), null, null, null, null, null, null));
    assertMatches(IPF, flow.flowId());
    assertEquals(1, flow.flowVersion());
    assertEquals(30, flow.timeToLive());
    assertEquals(flow.flowId(), flows.get(tenant.apiKey(), flow.flowId()).flowId());

    AccountResponse account =
        accounts.create(tenant.apiKey(), new Form().param("account_id", "typed-client-1").param("first_name", "Ana"));
    assertEquals("typed-client-1", account.accountId());
    assertEquals("Ana", accounts.get(tenant.apiKey(), "typed-client-1").firstName());

    ApiKeyCreatedResponse created =
        apiKeys.create(tenant.apiKey(),
            TokenForm.digitalIdentity(flow.flowId(), REDIRECT).accountId("typed-client-1").metadata("name", "ana").toForm());
    assertEquals("API key created successfully", created.message());

    ProcessResponse started = processes.start(created.apiKey());
    assertMatches(IDP, started.processId());
    assertEquals("pending", started.status());
    ProcessResponse result = processes.result(tenant.apiKey(), started.processId());
    assertEquals(started.processId(), result.processId());
    assertEquals("typed-client-1", result.accountId());
    assertEquals(tenant.clientId(), result.clientId());
    assertEquals(flow.flowId(), result.flowId());
    assertNull(result.steps(), "a result carries no steps");

    var listed = processes.list(tenant.apiKey(), "pending", null, null, null, null, started.processId(), null);
    assertEquals(List.of(started.processId()),
        listed.identityProcesses().stream().map(ProcessResponse::processId).toList());
  }

  @Test
  void theErrorEnvelopeBecomesATypedException() {
    IdentityApiException notFound =
        assertThrows(IdentityApiException.class, () -> processes.result(tenant.apiKey(), "IDP00000000000000000000000000000000"));
    assertEquals(10404, notFound.code());
    assertEquals(404, notFound.httpCode());
    assertEquals("Resource not found", notFound.getMessage());

    IdentityApiException invalid =
        assertThrows(IdentityApiException.class,
            () -> apiKeys.create(tenant.apiKey(), TokenForm.digitalIdentity("IPFnope", REDIRECT).country("XX").toForm()));
    assertEquals(10400, invalid.code());
    assertEquals(400, invalid.httpCode());
    assertTrue(invalid.getMessage().startsWith("Invalid request: country"), invalid.getMessage());

    IdentityApiException unauthorized =
        assertThrows(IdentityApiException.class, () -> flows.list("not-a-key", null));
    assertEquals(0, unauthorized.code());
    assertEquals(401, unauthorized.httpCode());
    assertEquals("Unauthorized", unauthorized.getMessage());
  }
}
