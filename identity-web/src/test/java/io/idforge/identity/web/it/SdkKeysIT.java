package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The keys of Truora's validations SDK, black box: a backend key creates a {@code generator} key;
 * the app exchanges it, exactly as the SDK does ({@code key_type=sdk&grant=validations&
 * api_key_version=1&key_name=sdk_usage}), for a short-lived {@code sdk} key that drives the
 * tenant's standalone validations and enrollments and nothing else; wrong grants are 400
 * envelopes; revocation, forgery and tenants hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkKeysIT extends ItSupport {

  static final String SDK_ONLY = "Forbidden: an sdk key may only call the Validations API (validations and enrollments)";
  static final String GENERATOR_ONLY = "Forbidden: a generator key may only create sdk keys (POST /v1/api-keys)";

  private Tenant tenant;
  private Tenant other;
  private String flowId;

  @BeforeAll
  void setUp() {
    tenant = newTenant("SdkKeys");
    other = newTenant("SdkKeysOther");
    flowId = createFlow(tenant, FULL_FLOW);
  }

  @Test
  void aGeneratorKeyIsExchangedForAnSdkKeyAsTruorasSdkDoes() {
    String generator = generatorKey(tenant, "ios-app");
    JWTClaimsSet g = Jwts.claims(generator);
    assertEquals("generator", g.getClaim("key_type"));
    assertEquals("validations", g.getClaim("grant"));
    assertEquals(tenant.clientId(), g.getClaim("client_id"));
    assertEquals("ios-app", g.getClaim("key_name"));

    Resp exchanged = exchange(generator);
    assertEquals(200, exchanged.status(), exchanged::toString);
    assertJsonContentType(exchanged);
    assertEquals("API key created successfully", exchanged.json().getString("message"));
    JWTClaimsSet s = Jwts.claims(exchanged.json().getString("api_key"));
    assertEquals("sdk", s.getClaim("key_type"));
    assertEquals("validations", s.getClaim("grant"));
    assertEquals("sdk_usage", s.getClaim("key_name"));
    assertEquals(tenant.clientId(), s.getClaim("client_id"));
    assertEquals(3600, (s.getExpirationTime().getTime() - s.getIssueTime().getTime()) / 1000);

    // Both are listed by type, never with the key itself.
    Resp listed = api.get("/v1/api-keys?key_type=generator", tenant.apiKey());
    assertEquals(200, listed.status(), listed::toString);
    JsonObject first = listed.json().getJsonArray("api_keys").getJsonObject(0);
    assertEquals(g.getJWTID(), first.getString("api_key_id"));
    assertEquals("generator", first.getString("key_type"));
    assertEquals("active", first.getString("status"));
    assertTrue(!listed.body().contains(generator));
    assertTrue(ids(api.get("/v1/api-keys?key_type=sdk", tenant.apiKey()), "api_keys", "api_key_id").contains(s.getJWTID()));
    assertTrue(!ids(api.get("/v1/api-keys?key_type=backend", tenant.apiKey()), "api_keys", "api_key_id").contains(g.getJWTID()));
  }

  @Test
  void anSdkKeyDrivesTheTenantsStandaloneValidationsAndEnrollments() {
    String sdk = sdkKey(tenant);
    Resp created = api.postForm("/v1/validations", sdk,
        "type", "document-validation", "country", "CO", "document_type", "national-id", "user_authorized", "true");
    assertEquals(200, created.status(), created::toString);
    JsonObject v = created.json();
    String validationId = v.getString("validation_id");
    assertTrue(v.getJsonObject("instructions").getString("front_url").contains("/v1/uploads/" + validationId + "/front"), v::toString);

    Resp polled = api.get("/v1/validations/" + validationId, sdk);
    assertEquals(200, polled.status(), polled::toString);
    assertEquals("pending", polled.json().getString("validation_status"));
    // The backend sees what the app started; another tenant's keys do not.
    assertEquals(200, api.get("/v1/validations/" + validationId, tenant.apiKey()).status());
    assertError(api.get("/v1/validations/" + validationId, sdkKey(other)), 404, 10404, "Validation not found");

    String account = "sdk-" + UUID.randomUUID().toString().substring(0, 8);
    Resp enrolled = api.postForm("/v1/enrollments", sdk,
        "type", "face-recognition", "user_authorized", "true", "account_id", account);
    assertEquals(200, enrolled.status(), enrolled::toString);
    String enrollmentId = enrolled.json().getString("enrollment_id");
    assertEquals(200, api.get("/v1/enrollments/" + enrollmentId, sdk).status());
  }

  @Test
  void anSdkKeyDoesNotSeeTheValidationsOfAProcess() {
    String token = mintToken(tenant, flowId);
    processIdOf(token);
    Resp step = api.postForm("/v1/validations", token, "type", "email-verification",
        "email", "sdk." + System.nanoTime() + "@api.idforge.test", "user_authorized", "true");
    assertEquals(200, step.status(), step::toString);
    String stepId = step.json().getString("validation_id");
    assertError(api.get("/v1/validations/" + stepId, sdkKey(tenant)), 404, 10404, "Validation not found");
  }

  @Test
  void anSdkKeyIsRefusedEverywhereElse() {
    String sdk = sdkKey(tenant);
    for (String path : List.of("/v1/processes", "/v1/flows", "/v1/api-keys", "/v1/accounts", "/v1/reviews",
        "/v1/hooks/endpoints", "/v1/hooks/events", "/v1/accounts/anyone/validations")) {
      assertError(api.get(path, sdk), 403, 10403, SDK_ONLY);
    }
    assertError(api.postForm("/v1/api-keys", sdk, "key_type", "sdk", "grant", "validations"), 403, 10403, SDK_ONLY);
    assertError(api.postEmpty("/v1/processes", sdk), 403, 10403, SDK_ONLY);
    assertError(api.delete("/v1/api-keys/" + Jwts.claims(sdk).getJWTID(), sdk), 403, 10403, SDK_ONLY);
    // The process URL is for web tokens only.
    assertEquals(403, api.get("/?token=" + encode(sdk), null).status());
  }

  @Test
  void aGeneratorKeyOnlyMintsSdkKeys() {
    String generator = generatorKey(tenant, "android-app");
    for (String path : List.of("/v1/validations/VLD00000000000000000000000000000000", "/v1/processes", "/v1/api-keys", "/v1/flows")) {
      assertError(api.get(path, generator), 403, 10403, GENERATOR_ONLY);
    }
    assertError(api.postForm("/v1/validations", generator, "type", "document-validation", "country", "CO",
        "document_type", "national-id", "user_authorized", "true"), 403, 10403, GENERATOR_ONLY);
    for (String keyType : List.of("web", "backend", "generator")) {
      List<String> form = new ArrayList<>(List.of("key_type", keyType, "key_name", "x"));
      if (!keyType.equals("backend")) {
        form.addAll(List.of("grant", keyType.equals("web") ? "digital-identity" : "validations"));
      }
      if (keyType.equals("web")) {
        form.addAll(List.of("country", "ALL", "redirect_url", REDIRECT, "flow_id", flowId));
      }
      Resp r = api.postForm("/v1/api-keys", generator, form.toArray(String[]::new));
      assertError(r, 403, 10403, "Forbidden: a generator key may only create sdk keys (key_type sdk, grant validations)");
    }
    assertError(api.postForm("/v1/api-keys", generator, "key_type", "sdk", "grant", "digital-identity",
            "country", "ALL", "redirect_url", REDIRECT, "flow_id", flowId),
        400, 10400, "Invalid request: a generator key mints sdk keys of grant validations only");
  }

  @Test
  void wrongGrantsAndFieldsAreInvalidRequests() {
    assertInvalid(api.postForm("/v1/api-keys", tenant.apiKey(), "key_type", "generator", "grant", "digital-identity"),
        "Invalid request: grant must be validations when key_type is generator");
    assertInvalid(api.postForm("/v1/api-keys", tenant.apiKey(), "key_type", "sdk"),
        "Invalid request: grant is required when key_type is sdk");
    assertInvalid(api.postForm("/v1/api-keys", tenant.apiKey(), "key_type", "web", "grant", "validations"),
        "Invalid request: grant validations is only for key_type sdk and generator");
    assertInvalid(api.postForm("/v1/api-keys", tenant.apiKey(), "key_type", "sdk", "grant", "validations", "flow_id", flowId),
        "Invalid request: flow_id is only for grant digital-identity, not for sdk and generator keys of grant validations");
    String generator = generatorKey(tenant, "g");
    assertInvalid(api.postForm("/v1/api-keys", generator, "key_type", "sdk", "grant", "validations", "account_id", "a-1"),
        "Invalid request: account_id is only for grant digital-identity, not for sdk and generator keys of grant validations");
    assertInvalid(api.postForm("/v1/api-keys", generator, "key_type", "sdk", "grant", "signals"),
        "Invalid request: a generator key mints sdk keys of grant validations only");
  }

  @Test
  void revocationForgeryAndTenantsHold() {
    String generator = generatorKey(tenant, "revoked-app");
    String sdk = exchange(generator).json().getString("api_key");
    String direct = sdkKey(tenant);
    assertError(api.get("/v1/validations/VLD00000000000000000000000000000000", sdk), 404, 10404, "Validation not found");

    // An altered signature is no key.
    String altered = sdk.substring(0, sdk.length() - 2) + (sdk.endsWith("AA") ? "BB" : "AA");
    assertUnauthorized(api.get("/v1/validations/VLD00000000000000000000000000000000", altered));
    // Another tenant cannot revoke it.
    assertError(api.delete("/v1/api-keys/" + Jwts.claims(generator).getJWTID(), other.apiKey()), 404, 10404, "Resource not found");

    // Revoking the generator revokes the sdk keys it minted, not the backend's own.
    Resp revoked = api.delete("/v1/api-keys/" + Jwts.claims(generator).getJWTID(), tenant.apiKey());
    assertEquals(200, revoked.status(), revoked::toString);
    assertUnauthorized(exchange(generator));
    assertUnauthorized(api.get("/v1/validations/VLD00000000000000000000000000000000", sdk));
    assertError(api.get("/v1/validations/VLD00000000000000000000000000000000", direct), 404, 10404, "Validation not found");
    Resp sdkKeys = api.get("/v1/api-keys?key_type=sdk", tenant.apiKey());
    JsonObject revokedSdk = sdkKeys.json().getJsonArray("api_keys").stream().map(x -> x.asJsonObject())
        .filter(k -> k.getString("api_key_id").equals(Jwts.claims(sdk).getJWTID())).findFirst().orElseThrow();
    assertEquals("revoked", revokedSdk.getString("status"));

    // A revoked sdk key by id.
    assertEquals(200, api.delete("/v1/api-keys/" + Jwts.claims(direct).getJWTID(), tenant.apiKey()).status());
    assertUnauthorized(api.get("/v1/validations/VLD00000000000000000000000000000000", direct));
  }

  private static String generatorKey(Tenant t, String name) {
    Resp r = api.postForm("/v1/api-keys", t.apiKey(), "key_type", "generator", "grant", "validations", "key_name", name);
    assertEquals(200, r.status(), r::toString);
    return r.json().getString("api_key");
  }

  /** Truora's SDK exchange, field for field. */
  private static Resp exchange(String generator) {
    return api.postForm("/v1/api-keys", generator,
        "key_type", "sdk", "grant", "validations", "api_key_version", "1", "key_name", "sdk_usage");
  }

  private static String sdkKey(Tenant t) {
    Resp r = exchange(generatorKey(t, "app"));
    assertEquals(200, r.status(), r::toString);
    return r.json().getString("api_key");
  }
}
