package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /v1/api-keys} ("Generate Token"): the seed's request, every optional parameter, and
 * every validation failure, each of which must leave no key, token or account behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreateApiKeyIT extends ItSupport {

  private Tenant tenant;
  private Tenant other;
  private String flowId;
  private String otherFlowId;

  @BeforeAll
  void setUp() {
    tenant = newTenant("CreateApiKey");
    other = newTenant("CreateApiKeyOther");
    flowId = createFlow(tenant, FULL_FLOW);
    otherFlowId = createFlow(other, FULL_FLOW);
  }

  @Test
  void seedRequestAnswersTheTokenAndTruorasMessage() {
    Resp r =
        api.postForm(
            "/v1/api-keys", tenant.apiKey(),
            "key_type", "web",
            "grant", "digital-identity",
            "api_key_version", "1",
            "country", "ALL",
            "redirect_url", REDIRECT,
            "flow_id", flowId,
            "account_id", "seed-account-1");
    assertEquals(200, r.status(), r::toString);
    assertJsonContentType(r);
    JsonObject body = r.json();
    assertEquals(Set.of("api_key", "message"), body.keySet());
    assertEquals("API key created successfully", body.getString("message"));
    String token = body.getString("api_key");
    assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), token);
    assertEquals("seed-account-1", Jwts.claims(token).getClaim("account_id"));
    assertEquals(
        Json.createObjectBuilder()
            .add("api_key_version", 1)
            .add("country", "ALL")
            .add("flow_id", flowId)
            .add("redirect_url", REDIRECT)
            .build(),
        Jwts.additionalData(token));
  }

  static Stream<Arguments> phoneSpellings() {
    return Stream.of(
        Arguments.of(List.of("phone", "+573101234567"), List.of("+573101234567")),
        Arguments.of(List.of("phone", "+57 310 123 4567"), List.of("+573101234567")),
        Arguments.of(List.of("phones", "+525512345678"), List.of("+525512345678")),
        Arguments.of(List.of("phones[]", "+573101234567", "phones[]", "+525512345678"), List.of("+573101234567", "+525512345678")),
        Arguments.of(List.of("phones[0]", "+573101234567"), List.of("+573101234567")),
        Arguments.of(List.of("phones[1]", "+525512345678", "phones[0]", "+573101234567"), List.of("+573101234567", "+525512345678")),
        Arguments.of(List.of("phones", "+573101234567, +52 55 1234 5678"), List.of("+573101234567", "+525512345678")),
        Arguments.of(List.of("phone", "+573101234567", "phones", "+573101234567"), List.of("+573101234567")));
  }

  @ParameterizedTest
  @MethodSource("phoneSpellings")
  void phonesAreAcceptedInEverySpellingAndNormalisedToE164(List<String> fields, List<String> expected) {
    String token = mintToken(tenant, flowId, fields.toArray(String[]::new));
    assertEquals(Json.createArrayBuilder(expected).build(), Jwts.additionalData(token).getJsonArray("phones"));
  }

  @Test
  void anUnencodedPlusInAPhoneIsRestored() {
    // Truora's guide shows phone=+57...; a '+' sent raw decodes to a space.
    String body = ApiClient.form(webTokenForm(flowId)) + "&phone=+573101234567";
    Resp r = api.postRawForm("/v1/api-keys", tenant.apiKey(), body);
    assertEquals(200, r.status(), r::toString);
    assertEquals(
        Json.createArrayBuilder().add("+573101234567").build(),
        Jwts.additionalData(r.json().getString("api_key")).getJsonArray("phones"));
  }

  static Stream<Arguments> emailSpellings() {
    return Stream.of(
        Arguments.of(List.of("emails", "Juan.Perez@Example.COM"), List.of("Juan.Perez@example.com")),
        Arguments.of(List.of("email", "ana@example.org"), List.of("ana@example.org")),
        Arguments.of(List.of("emails[]", "a@example.com", "emails[]", "b@example.com"), List.of("a@example.com", "b@example.com")),
        Arguments.of(List.of("emails[0]", "a@example.com"), List.of("a@example.com")),
        Arguments.of(List.of("emails", "a@example.com,b@example.com"), List.of("a@example.com", "b@example.com")));
  }

  @ParameterizedTest
  @MethodSource("emailSpellings")
  void emailsAreAcceptedInEverySpelling(List<String> fields, List<String> expected) {
    String token = mintToken(tenant, flowId, fields.toArray(String[]::new));
    assertEquals(Json.createArrayBuilder(expected).build(), Jwts.additionalData(token).getJsonArray("emails"));
  }

  @Test
  void documentTypeGoesIntoAdditionalData() {
    String token = mintToken(tenant, flowId, "document_type", "passport");
    assertEquals("passport", Jwts.additionalData(token).getString("document_type"));
  }

  @Test
  void startVariablesMetadataIsKeptAndReturnedInTheProcessVariables() {
    String token =
        mintToken(
            tenant, flowId,
            "start_variables.metadata.name", "juan",
            "start_variables.metadata.order_id", "A-1001");
    JsonObject metadata = Json.createObjectBuilder().add("name", "juan").add("order_id", "A-1001").build();
    assertEquals(
        metadata,
        Jwts.additionalData(token).getJsonObject("start_variables").getJsonObject("metadata"));

    JsonObject started = openProcess(token);
    JsonObject expectedVariables =
        Json.createObjectBuilder().add("start", Json.createObjectBuilder().add("metadata", metadata)).build();
    assertEquals(expectedVariables, started.getJsonObject("variables"));

    String processId = started.getString("process_id");
    Resp result = api.get("/v1/processes/" + processId + "/result", tenant.apiKey());
    assertEquals(200, result.status(), result::toString);
    assertEquals(expectedVariables, result.json().getJsonObject("variables"));
    Resp read = api.get("/v1/processes/" + processId, tenant.apiKey());
    assertEquals(expectedVariables, read.json().getJsonObject("variables"));
  }

  @Test
  void anSdkTokenForDigitalIdentityWorksLikeAWebToken() throws Exception {
    Resp r = api.postForm("/v1/api-keys", tenant.apiKey(),
        "key_type", "sdk", "grant", "digital-identity", "api_key_version", "1", "country", "ALL",
        "redirect_url", REDIRECT, "flow_id", flowId, "key_name", "sdk_usage");
    assertEquals(200, r.status(), r::toString);
    String token = r.json().getString("api_key");
    var claims = Jwts.claims(token);
    assertEquals("sdk", claims.getStringClaim("key_type"));
    assertEquals("digital-identity", claims.getStringClaim("grant"));
    assertEquals("sdk_usage", claims.getStringClaim("key_name"));
    assertMatches(IDP, openProcess(token).getString("process_id"));
  }

  @Test
  void aProcessWithoutMetadataHasNoVariables() {
    JsonObject started = openProcess(mintToken(tenant, flowId));
    assertAbsent(started, "variables");
  }

  // ------------------------------------------------------------------ rejections

  /** One invalid request: how to change the seed form, and the exact message expected. */
  record Invalid(String label, List<String> remove, List<String> add, String message) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Invalid invalid(String label, List<String> remove, List<String> add, String message) {
    return new Invalid(label, remove, add, message);
  }

  static Stream<Invalid> invalidRequests() {
    return Stream.of(
        invalid("missing key_type", List.of("key_type"), List.of(), "Invalid request: key_type is required"),
        invalid("bad key_type", List.of("key_type"), List.of("key_type", "frontend"),
            "Invalid request: key_type must be one of backend, web, sdk, generator"),
        invalid("generator key_type with a digital-identity grant", List.of("key_type"), List.of("key_type", "generator"),
            "Invalid request: grant must be validations when key_type is generator"),
        invalid("missing grant", List.of("grant"), List.of(), "Invalid request: grant is required when key_type is web"),
        invalid("validations grant on a web key", List.of("grant"), List.of("grant", "validations"),
            "Invalid request: grant validations is only for key_type sdk and generator"),
        invalid("signals grant", List.of("grant"), List.of("grant", "signals"),
            "Invalid request: grant signals is not offered by this service; web tokens need grant digital-identity,"
                + " sdk keys digital-identity or validations"),
        invalid("sdk key of the validations grant with a flow's fields", List.of("key_type", "grant"),
            List.of("key_type", "sdk", "grant", "validations"),
            "Invalid request: country is only for grant digital-identity, not for sdk and generator keys of grant validations"),
        invalid("bad grant", List.of("grant"), List.of("grant", "everything"),
            "Invalid request: grant must be one of digital-identity, signals, validations, check"),
        invalid("missing country", List.of("country"), List.of(),
            "Invalid request: country is required when grant is digital-identity"),
        invalid("missing redirect_url", List.of("redirect_url"), List.of(),
            "Invalid request: redirect_url is required when grant is digital-identity"),
        invalid("missing flow_id", List.of("flow_id"), List.of(),
            "Invalid request: flow_id is required when grant is digital-identity"),
        invalid("bad country", List.of("country"), List.of("country", "US"),
            "Invalid request: country must be one of ALL, BR, CL, CO, CR, EC, MX, PE, AR, SV, PA, VE"),
        invalid("relative redirect_url", List.of("redirect_url"), List.of("redirect_url", "/done"),
            "Invalid request: redirect_url must be an absolute http or https URL"),
        invalid("javascript redirect_url", List.of("redirect_url"), List.of("redirect_url", "javascript:alert(1)"),
            "Invalid request: redirect_url must be an absolute http or https URL"),
        invalid("unknown flow_id", List.of("flow_id"), List.of("flow_id", "IPF00000000000000000000000000000000"),
            "Invalid request: flow_id does not name a flow of this client"),
        invalid("malformed flow_id", List.of("flow_id"), List.of("flow_id", "IPF<script>"),
            "Invalid request: flow_id must match [A-Za-z0-9_.-]{1,64}"),
        invalid("account_id with a space", List.of("account_id"), List.of("account_id", "bad id"),
            "Invalid request: account_id must match [a-zA-Z0-9_.-]+"),
        invalid("account_id with a slash", List.of("account_id"), List.of("account_id", "a/b"),
            "Invalid request: account_id must match [a-zA-Z0-9_.-]+"),
        invalid("invalid phone", List.of(), List.of("phone", "12345"),
            "Invalid request: phones contains an invalid phone number; use +<country code><number>, e.g. +573101234567"),
        invalid("invalid phone in a list", List.of(), List.of("phones[]", "+573101234567", "phones[]", "+57 1"),
            "Invalid request: phones contains an invalid phone number; use +<country code><number>, e.g. +573101234567"),
        invalid("invalid email", List.of(), List.of("emails", "not-an-email"),
            "Invalid request: emails contains an invalid email address"),
        invalid("bad document_type", List.of(), List.of("document_type", "library-card"),
            "Invalid request: document_type must be one of national-id, passport, driver-license, foreign-id, identity-card, pep"),
        invalid("unknown field", List.of(), List.of("language", "es"), "Invalid request: unknown field language"),
        invalid("duplicate country", List.of(), List.of("country", "CO"), "Invalid request: country must be given only once"),
        invalid("duplicate flow_id", List.of(), List.of("flow_id", "IPF00000000000000000000000000000000"),
            "Invalid request: flow_id must be given only once"),
        invalid("bad api_key_version", List.of("api_key_version"), List.of("api_key_version", "7"),
            "Invalid request: api_key_version must be 0, 1 or 2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRequests")
  void invalidRequestsAreRejectedNamingTheFieldAndWriteNothing(Invalid c) {
    String accountId = "never-" + UUID.randomUUID();
    List<String> pairs = new ArrayList<>();
    String[] seed = webTokenForm(flowId);
    for (int i = 0; i < seed.length; i += 2) {
      if (!c.remove().contains(seed[i])) {
        pairs.add(seed[i]);
        pairs.add(seed[i + 1]);
      }
    }
    if (!c.remove().contains("account_id")) {
      pairs.add("account_id");
      pairs.add(accountId);
    }
    pairs.addAll(c.add());

    Snapshot before = snapshot();
    Resp r = api.postForm("/v1/api-keys", tenant.apiKey(), pairs.toArray(String[]::new));
    assertInvalid(r, c.message());
    assertEquals(before, snapshot(), "nothing written");
    assertError(api.get("/v1/accounts/" + accountId, tenant.apiKey()), 404, 10404, "Validation account not found");
  }

  @Test
  void aFlowOfAnotherTenantIsRejected() {
    Snapshot before = snapshot();
    assertInvalid(requestToken(tenant, otherFlowId), "Invalid request: flow_id does not name a flow of this client");
    assertEquals(before, snapshot(), "nothing written");
  }

  @Test
  void aJsonBodyIsAnUnsupportedContentType() {
    Snapshot before = snapshot();
    Resp r =
        api.postJson(
            "/v1/api-keys", tenant.apiKey(),
            "{\"key_type\":\"web\",\"grant\":\"digital-identity\",\"api_key_version\":\"1\",\"country\":\"ALL\","
                + "\"redirect_url\":\"" + REDIRECT + "\",\"flow_id\":\"" + flowId + "\"}");
    assertError(r, 415, 10400, "Invalid request: unsupported content type");
    assertEquals(before, snapshot(), "nothing written");
  }

  @Test
  void backendKeyWithoutKeyNameIsRejected() {
    Snapshot before = snapshot();
    assertInvalid(
        api.postForm("/v1/api-keys", tenant.apiKey(), "key_type", "backend"),
        "Invalid request: key_name is required when key_type is backend");
    assertEquals(before, snapshot(), "nothing written");
  }

  // ------------------------------------------------------------- backend keys, accounts

  @Test
  void aBackendKeyWithKeyNameWorksAsASecondBackendKey() {
    Resp r = api.postForm("/v1/api-keys", tenant.apiKey(), "key_type", "backend", "key_name", "ci-robot");
    assertEquals(200, r.status(), r::toString);
    assertEquals("API key created successfully", r.json().getString("message"));
    String second = r.json().getString("api_key");

    JWTClaimsSet claims = Jwts.claims(second);
    assertEquals("backend", claims.getClaim("key_type"));
    assertEquals("ci-robot", claims.getClaim("key_name"));
    assertEquals(tenant.clientId(), claims.getClaim("client_id"));

    Resp flows = api.get("/v1/flows", second);
    assertEquals(200, flows.status(), flows::toString);
    assertTrue(ids(flows, "flows", "flow_id").contains(flowId), flows::toString);

    Resp keys = api.get("/v1/api-keys?key_type=backend", tenant.apiKey());
    assertEquals(200, keys.status(), keys::toString);
    assertTrue(ids(keys, "api_keys", "api_key_id").contains(claims.getJWTID()), keys::toString);

    // The second key can do what the first can: mint a web token.
    assertEquals(200, requestToken(new Tenant(tenant.clientId(), tenant.name(), second, null, "ci-robot"), flowId).status());
  }

  @Test
  void anUnknownAccountIdCreatesTheAccount() {
    String accountId = "customer-" + UUID.randomUUID().toString().substring(0, 8);
    assertError(api.get("/v1/accounts/" + accountId, tenant.apiKey()), 404, 10404, "Validation account not found");

    String token = mintToken(tenant, flowId, "account_id", accountId);
    assertEquals(accountId, Jwts.claims(token).getClaim("account_id"));

    Resp account = api.get("/v1/accounts/" + accountId, tenant.apiKey());
    assertEquals(200, account.status(), account::toString);
    assertEquals(accountId, account.json().getString("account_id"));

    // A second token for the same account reuses it.
    String again = mintToken(tenant, flowId, "account_id", accountId);
    assertEquals(accountId, Jwts.claims(again).getClaim("account_id"));
    assertEquals(accountId, openProcess(again).getString("account_id"));
  }

  @Test
  void anOmittedAccountIdIsGenerated() {
    String token = mintToken(tenant, flowId);
    String accountId = (String) Jwts.claims(token).getClaim("account_id");
    assertMatches(ACC, accountId);
    Resp account = api.get("/v1/accounts/" + accountId, tenant.apiKey());
    assertEquals(200, account.status(), account::toString);
    assertEquals(accountId, account.json().getString("account_id"));
    assertEquals(accountId, openProcess(token).getString("account_id"));
  }

  @Test
  void aWebTokenIsListedWithoutTheToken() {
    String token = mintToken(tenant, flowId, "key_name", "checkout");
    String jti = Jwts.claims(token).getJWTID();
    Resp keys = api.get("/v1/api-keys", tenant.apiKey());
    JsonObject entry = null;
    for (var v : keys.array("api_keys")) {
      if (v.asJsonObject().getString("api_key_id").equals(jti)) {
        entry = v.asJsonObject();
      }
    }
    assertTrue(entry != null, keys::toString);
    assertEquals("web", entry.getString("key_type"));
    assertEquals("digital-identity", entry.getString("grant"));
    assertEquals("checkout", entry.getString("key_name"));
    assertEquals(flowId, entry.getString("flow_id"));
    assertEquals("active", entry.getString("status"));
    assertAbsent(entry, "process_id");
    assertAbsent(entry, "api_key");
    assertTrue(!keys.body().contains(token), "the listing never carries the token");
  }

  // ------------------------------------------------------------------ helpers

  /** What a rejected request must not change: issued web tokens, backend keys, accounts. */
  record Snapshot(List<String> webTokens, List<String> backendKeys, List<String> accounts) {}

  private Snapshot snapshot() {
    Resp web = api.get("/v1/api-keys", tenant.apiKey());
    Resp backend = api.get("/v1/api-keys?key_type=backend", tenant.apiKey());
    Resp accounts = api.get("/v1/accounts", tenant.apiKey());
    assertEquals(200, web.status(), web::toString);
    assertEquals(200, backend.status(), backend::toString);
    assertEquals(200, accounts.status(), accounts::toString);
    return new Snapshot(
        ids(web, "api_keys", "api_key_id"), ids(backend, "api_keys", "api_key_id"), ids(accounts, "accounts", "account_id"));
  }
}
