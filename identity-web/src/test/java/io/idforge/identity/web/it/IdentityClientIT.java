package io.idforge.identity.web.it;

import static io.idforge.identity.core.fixtures.PublicDomainPortraits.ASTRONAUT;
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
import io.idforge.identity.client.UploadLink;
import io.idforge.identity.client.UploadsClient;
import io.idforge.identity.client.ValidationForms;
import io.idforge.identity.client.ValidationsClient;
import io.idforge.identity.client.WebhookEndpointsClient;
import io.idforge.identity.client.EnrollmentsClient;
import io.idforge.identity.client.HookEventsClient;
import io.idforge.identity.api.hooks.EndpointRequest;
import io.idforge.identity.api.hooks.EndpointResponse;
import io.idforge.identity.api.processes.ValidationResponse;
import io.idforge.identity.api.validations.EnrollmentResponse;
import io.idforge.identity.api.validations.UploadReceipt;
import io.idforge.identity.core.fixtures.SyntheticDocuments;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import jakarta.ws.rs.core.Form;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * identity-client against the running WAR, through RESTEasy's MicroProfile Rest Client: a flow,
 * an account, a token, the process it starts, its result and the listing, all as typed Java; and
 * the Validations API with an sdk key (a document validation, its upload through the signed link,
 * an enrollment), the webhook endpoints and delivery log; and the error envelope as {@link
 * IdentityApiException}.
 */
class IdentityClientIT extends ItSupport {

  private static Tenant tenant;
  private static FlowsClient flows;
  private static AccountsClient accounts;
  private static ApiKeysClient apiKeys;
  private static ProcessesClient processes;
  private static ValidationsClient validations;
  private static EnrollmentsClient enrollments;
  private static UploadsClient uploads;
  private static WebhookEndpointsClient hooks;
  private static HookEventsClient hookEvents;

  @BeforeAll
  static void setUp() {
    tenant = newTenant("Client");
    var base = ItServer.get().baseUri;
    flows = IdentityClients.create(FlowsClient.class, base);
    accounts = IdentityClients.create(AccountsClient.class, base);
    apiKeys = IdentityClients.create(ApiKeysClient.class, base);
    processes = IdentityClients.create(ProcessesClient.class, base);
    validations = IdentityClients.create(ValidationsClient.class, base);
    enrollments = IdentityClients.create(EnrollmentsClient.class, base);
    uploads = IdentityClients.create(UploadsClient.class, base);
    hooks = IdentityClients.create(WebhookEndpointsClient.class, base);
    hookEvents = IdentityClients.create(HookEventsClient.class, base);
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
  void theValidationsApiWithAnSdkKeyAndTheWebhooksAreTypedToo() throws Exception {
    String sdkKey = apiKeys.exchangeGeneratorKey(apiKeys.createGeneratorKey(tenant.apiKey(), "typed-app").apiKey()).apiKey();
    String account = "typed-val-" + UUID.randomUUID().toString().substring(0, 8);

    ValidationResponse created =
        validations.create(sdkKey, ValidationForms.document("CO", "national-id").param("account_id", account));
    assertTrue(created.validationId().startsWith("VLD"), created.validationId());
    assertEquals("pending", created.validationStatus());
    UploadReceipt receipt =
        UploadLink.parse(created.instructions().frontUrl()).put(uploads, "image/png", png(SyntheticDocuments.front(false, ASTRONAUT.headAndShoulders())));
    assertEquals(created.validationId(), receipt.validationId());
    assertEquals("File uploaded successfully", receipt.message());
    ValidationResponse polled = validations.get(sdkKey, created.validationId(), null);
    assertEquals(account, polled.accountId());
    assertEquals(List.of(created.validationId()),
        accounts.validations(tenant.apiKey(), account, null).history().stream().map(ValidationResponse::validationId).toList());

    EnrollmentResponse enrolled = enrollments.create(sdkKey, ValidationForms.faceEnrollment(account));
    assertEquals("pending", enrolled.status());
    assertEquals(enrolled.enrollmentId(), enrollments.get(tenant.apiKey(), enrolled.enrollmentId()).enrollmentId());
    IdentityApiException spentLink =
        assertThrows(IdentityApiException.class,
            () -> UploadLink.parse(created.instructions().frontUrl()).put(uploads, "image/png", new byte[] {1}));
    assertEquals(409, spentLink.httpCode());

    // An sdk key is no backend key.
    IdentityApiException forbidden = assertThrows(IdentityApiException.class, () -> hooks.list(sdkKey, null));
    assertEquals(10403, forbidden.code());

    EndpointResponse endpoint =
        hooks.create(tenant.apiKey(), new EndpointRequest("http://127.0.0.1:9/typed", List.of("digital_identity.identity_process"), null, "PUT", null, false));
    assertTrue(endpoint.secret().startsWith("whsec_"), "the secret is shown on creation");
    assertEquals("PUT", endpoint.httpMethod());
    assertEquals(false, endpoint.enabled());
    assertNull(hooks.get(tenant.apiKey(), endpoint.endpointId()).secret());
    EndpointResponse updated = hooks.update(tenant.apiKey(), endpoint.endpointId(), EndpointRequest.of("http://127.0.0.1:9/moved"));
    assertEquals("POST", updated.httpMethod());
    assertEquals(true, updated.enabled());
    assertTrue(hooks.list(tenant.apiKey(), null).endpoints().stream().anyMatch(e -> e.endpointId().equals(endpoint.endpointId())));
    assertTrue(hooks.rotateSecret(tenant.apiKey(), endpoint.endpointId()).secret().startsWith("whsec_"));
    hooks.delete(tenant.apiKey(), endpoint.endpointId());
    assertEquals(404, assertThrows(IdentityApiException.class, () -> hooks.get(tenant.apiKey(), endpoint.endpointId())).httpCode());
    assertEquals(404,
        assertThrows(IdentityApiException.class, () -> hookEvents.get(tenant.apiKey(), "HIK00000000000000000000000000000000")).httpCode());
    assertTrue(hookEvents.list(tenant.apiKey(), null).events() != null);
  }

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
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
