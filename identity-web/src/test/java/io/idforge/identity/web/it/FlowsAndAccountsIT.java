package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
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

/** {@code /v1/flows} (JSON, versioned) and {@code /v1/accounts} (form, Truora's account shape). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowsAndAccountsIT extends ItSupport {

  private Tenant tenant;

  @BeforeAll
  void setUp() {
    tenant = newTenant("FlowsAccounts");
  }

  // ---------------------------------------------------------------------- flows

  @Test
  void createAnswers201WithTheFlowAndItsEffectiveConfig() {
    Resp r = api.postJson("/v1/flows", tenant.apiKey(), FULL_FLOW);
    assertEquals(201, r.status(), r::toString);
    assertJsonContentType(r);
    JsonObject f = r.json();
    assertEquals(
        Set.of("flow_id", "name", "flow_version", "time_to_live", "status", "steps", "creation_date", "update_date"),
        f.keySet());
    assertMatches(IPF, f.getString("flow_id"));
    assertEquals("KYC", f.getString("name"));
    assertEquals(1, f.getInt("flow_version"));
    assertEquals(120, f.getInt("time_to_live"));
    assertEquals("enabled", f.getString("status"));
    assertEquals(OffsetDateTime.parse(f.getString("creation_date")), OffsetDateTime.parse(f.getString("update_date")));
    JsonArray steps = f.getJsonArray("steps");
    assertEquals(3, steps.size());
    assertStep(steps.getJsonObject(0), "email-verification", config(2, null).build());
    assertStep(
        steps.getJsonObject(1),
        "document-validation",
        Json.createObjectBuilder()
            .add("allowed_retries", 2)
            .add("allowed_document_types", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("country", "CO").add("document_types", Json.createArrayBuilder().add("national-id"))))
            .add("manual_review", "default")
            .build());
    assertStep(steps.getJsonObject(2), "face-recognition", config(0, 0.7).build()); // Truora: no face retries

    // A read answers the same flow, to the microsecond.
    Resp read = api.get("/v1/flows/" + f.getString("flow_id"), tenant.apiKey());
    assertEquals(200, read.status(), read::toString);
    assertEquals(f, read.json());
  }

  @Test
  void absentSettingsTakeTheDefaults() {
    Resp r = api.postJson("/v1/flows", tenant.apiKey(),
        "{\"name\":\"Defaults\",\"steps\":[{\"type\":\"phone-verification\"},{\"type\":\"face-recognition\",\"config\":{}}]}");
    assertEquals(201, r.status(), r::toString);
    JsonObject f = r.json();
    assertEquals(120, f.getInt("time_to_live"));
    assertEquals("enabled", f.getString("status"));
    assertStep(f.getJsonArray("steps").getJsonObject(0), "phone-verification", config(2, null).build());
    // Truora's validator defaults: codes get 2 retries, faces none.
    assertStep(f.getJsonArray("steps").getJsonObject(1), "face-recognition", config(0, 0.65).build());
  }

  @Test
  void anUpdateMakesVersionTwoAndAnInvalidUpdateChangesNothing() {
    String flowId = createFlow(tenant, FULL_FLOW);
    JsonObject v1 = api.get("/v1/flows/" + flowId, tenant.apiKey()).json();

    Resp put = api.putJson("/v1/flows/" + flowId, tenant.apiKey(),
        "{\"name\":\"KYC v2\",\"time_to_live\":30,\"steps\":[{\"type\":\"document-validation\",\"config\":{\"allowed_retries\":3,\"manual_review\":\"disabled\",\"minimum_age\":18}}]}");
    assertEquals(200, put.status(), put::toString);
    JsonObject v2 = put.json();
    assertEquals(flowId, v2.getString("flow_id"));
    assertEquals(2, v2.getInt("flow_version"));
    assertEquals("KYC v2", v2.getString("name"));
    assertEquals(30, v2.getInt("time_to_live"));
    assertEquals(v1.getString("creation_date"), v2.getString("creation_date"));
    assertTrue(OffsetDateTime.parse(v2.getString("update_date")).isAfter(OffsetDateTime.parse(v1.getString("update_date"))));
    assertStep(
        v2.getJsonArray("steps").getJsonObject(0),
        "document-validation",
        Json.createObjectBuilder().add("allowed_retries", 3).add("manual_review", "disabled").add("minimum_age", 18).build());
    assertEquals(v2, api.get("/v1/flows/" + flowId, tenant.apiKey()).json());

    Resp invalid = api.putJson("/v1/flows/" + flowId, tenant.apiKey(), flowJson("KYC v3", 0, "face-recognition"));
    assertInvalid(invalid, "Invalid request: time_to_live must be between 1 and 1440 minutes");
    assertInvalid(
        api.putJson("/v1/flows/" + flowId, tenant.apiKey(), "{\"name\":\"KYC v3\",\"steps\":[],\"extra\":1}"),
        "Invalid request: unknown field extra");
    assertEquals(v2, api.get("/v1/flows/" + flowId, tenant.apiKey()).json(), "unchanged after invalid updates");

    // Tokens minted now live as long as the new version says.
    JsonObject claims = Jwts.payload(mintToken(tenant, flowId));
    assertEquals(30 * 60, claims.getJsonNumber("exp").longValueExact() - claims.getJsonNumber("iat").longValueExact());

    assertError(api.putJson("/v1/flows/IPF00000000000000000000000000000000", tenant.apiKey(), FULL_FLOW),
        404, 10404, "Flow not found");
    assertError(api.get("/v1/flows/IPF00000000000000000000000000000000", tenant.apiKey()), 404, 10404, "Flow not found");
  }

  @Test
  void aFaceStepWithActiveLivenessEchoesItsSettings() {
    String id = createFlow(tenant, "{\"name\":\"live\",\"steps\":[{\"type\":\"document-validation\"},"
        + "{\"type\":\"face-recognition\",\"config\":{\"liveness_type\":\"active\",\"liveness_fallback\":\"decline\"}}]}");
    Resp flow = api.get("/v1/flows/" + id, tenant.apiKey());
    assertEquals(200, flow.status(), flow::toString);
    jakarta.json.JsonObject face = flow.array("steps").getJsonObject(1).getJsonObject("config");
    assertEquals("active", face.getString("liveness_type"));
    assertEquals("decline", face.getString("liveness_fallback"));
    // Steps without liveness do not show the members.
    assertNull(flow.array("steps").getJsonObject(0).getJsonObject("config").get("liveness_type"));
  }

  @Test
  void theListingHasEveryFlowOfTheTenant() {
    Tenant own = newTenant("FlowList");
    String first = createFlow(own, FULL_FLOW);
    String second = createFlow(own, DEFAULT_TTL_FLOW);
    Resp list = api.get("/v1/flows", own.apiKey());
    assertEquals(200, list.status(), list::toString);
    assertEquals(List.of(second, first), ids(list, "flows", "flow_id"));
    assertEquals("/v1/flows", list.json().getString("self"));
    assertNull(list.json().get("next"));
    assertEquals(api.get("/v1/flows/" + first, own.apiKey()).json(), list.array("flows").getJsonObject(1));
  }

  static Stream<Arguments> invalidFlows() {
    return Stream.of(
        Arguments.of("{\"steps\":[{\"type\":\"face-recognition\"}]}", "Invalid request: name is required"),
        Arguments.of("{\"name\":\"x\",\"steps\":[]}", "Invalid request: steps must have at least one entry"),
        Arguments.of("{\"name\":\"x\"}", "Invalid request: steps must have at least one entry"),
        Arguments.of("{\"name\":\"x\",\"steps\":[{\"type\":\"selfie\"}]}",
            "Invalid request: steps[0].type must be one of phone-verification, email-verification, document-validation, face-recognition"),
        Arguments.of("{\"name\":\"x\",\"steps\":[{\"type\":\"email-verification\"},{\"type\":\"email-verification\"}]}",
            "Invalid request: steps[1].type email-verification appears more than once"),
        Arguments.of("{\"name\":\"x\",\"steps\":[{\"type\":\"email-verification\",\"config\":{\"face_threshold\":0.5}}]}",
            "Invalid request: steps[0].config.face_threshold is only allowed on face-recognition steps"),
        Arguments.of("{\"name\":\"x\",\"steps\":[{\"type\":\"face-recognition\",\"config\":{\"face_threshold\":1.5}}]}",
            "Invalid request: steps[0].config.face_threshold must be between 0 and 1"),
        Arguments.of("{\"name\":\"x\",\"steps\":[{\"type\":\"face-recognition\",\"config\":{\"allowed_retries\":5}}]}",
            "Invalid request: steps[0].config.allowed_retries must be between 0 and 2 for face-recognition"),
        Arguments.of("{\"name\":\"x\",\"steps\":[{\"type\":\"face-recognition\",\"config\":{\"liveness_type\":\"passive\"}}]}",
            "Invalid request: steps[0].config.liveness_type must be one of none, active"),
        Arguments.of("{\"name\":\"x\",\"steps\":[{\"type\":\"email-verification\",\"config\":{\"liveness_type\":\"active\"}}]}",
            "Invalid request: steps[0].config.liveness_type is only allowed on face-recognition steps"),
        Arguments.of("{\"name\":\"x\",\"steps\":[{\"type\":\"face-recognition\",\"config\":{\"liveness_type\":\"active\","
                + "\"liveness_fallback\":\"accept\"}}]}",
            "Invalid request: steps[0].config.liveness_fallback must be one of manual_review, decline"),
        Arguments.of("{\"name\":\"x\",\"status\":\"paused\",\"steps\":[{\"type\":\"face-recognition\"}]}",
            "Invalid request: status must be one of enabled, disabled"),
        Arguments.of("{\"name\":\"x\",\"steps\":[{\"type\":\"document-validation\",\"config\":{\"allowed_document_types\":"
                + "[{\"country\":\"CO\",\"document_types\":[\"bus-pass\"]}]}}]}",
            "Invalid request: steps[0].config.allowed_document_types[0].document_types[0] must be one of "
                + "national-id, passport, driver-license, foreign-id, identity-card, pep"));
  }

  @ParameterizedTest
  @MethodSource("invalidFlows")
  void invalidFlowsAreRejectedNamingTheMemberAndWriteNothing(String body, String message) {
    List<String> before = ids(api.get("/v1/flows", tenant.apiKey()), "flows", "flow_id");
    assertInvalid(api.postJson("/v1/flows", tenant.apiKey(), body), message);
    assertEquals(before, ids(api.get("/v1/flows", tenant.apiKey()), "flows", "flow_id"));
  }

  // ------------------------------------------------------------------- accounts

  @Test
  void createAnAccountInTruorasShape() {
    String accountId = "acc-" + UUID.randomUUID().toString().substring(0, 8);
    Resp r =
        api.postForm(
            "/v1/accounts", tenant.apiKey(),
            "account_id", accountId,
            "first_name", "Juan",
            "last_name", "García Pérez",
            "email", "Juan.Garcia@Example.COM",
            "country", "co",
            "document_type", "national-id",
            "document_number", "1234567890",
            "document_issue_date", "2010-05-24",
            "phone_number", "+57 310 123 4567");
    assertEquals(201, r.status(), r::toString);
    assertJsonContentType(r);
    JsonObject created = r.json();
    OffsetDateTime.parse(created.getString("creation_date"));
    JsonObjectBuilder expected =
        Json.createObjectBuilder()
            .add("account_id", accountId)
            .add("country", "CO")
            .add("creation_date", created.getString("creation_date"))
            .add("document_type", "national-id")
            .add("email", "Juan.Garcia@example.com")
            .add("first_name", "Juan")
            .add("last_name", "GARCÍA PÉREZ")
            .add("national_id", "1234567890")
            .add("phone_number", "+573101234567")
            .add("validators_prepared", noValidatorsPrepared());
    assertEquals(expected.build(), created);

    Resp read = api.get("/v1/accounts/" + accountId, tenant.apiKey());
    assertEquals(200, read.status(), read::toString);
    assertEquals(created, read.json(), "a read answers the same account, to the microsecond");
    assertTrue(ids(api.get("/v1/accounts", tenant.apiKey()), "accounts", "account_id").contains(accountId));
  }

  @Test
  void anAccountWithoutFieldsGetsAGeneratedId() {
    Resp r = api.postForm("/v1/accounts", tenant.apiKey());
    assertEquals(201, r.status(), r::toString);
    JsonObject a = r.json();
    assertMatches(ACC, a.getString("account_id"));
    assertEquals(Set.of("account_id", "creation_date", "validators_prepared"), a.keySet());
    assertEquals(noValidatorsPrepared(), a.getJsonObject("validators_prepared"));
    assertEquals(200, api.get("/v1/accounts/" + a.getString("account_id"), tenant.apiKey()).status());
  }

  @Test
  void aDuplicateAccountIsAConflict() {
    String accountId = "dup-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, api.postForm("/v1/accounts", tenant.apiKey(), "account_id", accountId, "first_name", "One").status());
    assertError(api.postForm("/v1/accounts", tenant.apiKey(), "account_id", accountId, "first_name", "Two"),
        409, 10409, "Account " + accountId + " already exists");
    assertEquals("One", api.get("/v1/accounts/" + accountId, tenant.apiKey()).json().getString("first_name"));
  }

  @Test
  void anAccountMadeByATokenIsAlsoADuplicate() {
    String flowId = createFlow(tenant, DEFAULT_TTL_FLOW);
    String accountId = "tok-" + UUID.randomUUID().toString().substring(0, 8);
    mintToken(tenant, flowId, "account_id", accountId);
    assertError(api.postForm("/v1/accounts", tenant.apiKey(), "account_id", accountId),
        409, 10409, "Account " + accountId + " already exists");
  }

  @Test
  void anUnknownAccountIsNotFound() {
    assertError(api.get("/v1/accounts/nobody-" + UUID.randomUUID(), tenant.apiKey()), 404, 10404, "Validation account not found");
  }

  static Stream<Arguments> invalidAccounts() {
    return Stream.of(
        Arguments.of(List.of("account_id", "has space"), "Invalid request: account_id must match [a-zA-Z0-9_.-]+"),
        Arguments.of(List.of("country", "XX"), "Invalid request: country must be an ISO-3166 alpha-2 code"),
        Arguments.of(List.of("email", "nope"), "Invalid request: email must be a valid email address"),
        Arguments.of(List.of("phone_number", "3101234567"),
            "Invalid request: phone_number must be a valid phone number; use +<country code><number>, e.g. +573101234567"),
        Arguments.of(List.of("document_type", "pep"),
            "Invalid request: document_type must be one of national-id, identity-card, foreign-id, passport"),
        Arguments.of(List.of("document_issue_date", "24/05/2010"), "Invalid request: document_issue_date must be a date yyyy-MM-dd"),
        Arguments.of(List.of("nickname", "JJ"), "Invalid request: unknown field nickname"),
        Arguments.of(List.of("first_name", "A", "first_name", "B"), "Invalid request: first_name must be given only once"));
  }

  @ParameterizedTest
  @MethodSource("invalidAccounts")
  void invalidAccountsAreRejectedNamingTheFieldAndWriteNothing(List<String> fields, String message) {
    List<String> before = ids(api.get("/v1/accounts", tenant.apiKey()), "accounts", "account_id");
    String[] pairs = fields.toArray(String[]::new);
    if (!fields.contains("account_id")) {
      String[] withId = new String[pairs.length + 2];
      withId[0] = "account_id";
      withId[1] = "never-" + UUID.randomUUID().toString().substring(0, 8);
      System.arraycopy(pairs, 0, withId, 2, pairs.length);
      pairs = withId;
    }
    assertInvalid(api.postForm("/v1/accounts", tenant.apiKey(), pairs), message);
    List<String> after = ids(api.get("/v1/accounts", tenant.apiKey()), "accounts", "account_id");
    assertEquals(before, after);
  }

  // ------------------------------------------------------------------- helpers

  private static JsonObjectBuilder config(int retries, Double faceThreshold) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("allowed_retries", retries);
    if (faceThreshold != null) {
      b.add("face_threshold", faceThreshold);
    }
    return b.add("manual_review", "default");
  }

  private static void assertStep(JsonObject step, String type, JsonObject config) {
    assertEquals(Set.of("step_id", "type", "config"), step.keySet(), step::toString);
    assertMatches(IPS, step.getString("step_id"));
    assertEquals(type, step.getString("type"));
    // Every step answers its check timeout; steps a human can review also their review deadline.
    JsonObjectBuilder expected = Json.createObjectBuilder(config);
    if (!config.containsKey("timeout")) {
      expected.add("timeout", 300);
    }
    if (!type.endsWith("-verification") && !config.containsKey("manual_review_timeout")) {
      expected.add("manual_review_timeout", 21600);
    }
    assertEquals(expected.build(), step.getJsonObject("config"), () -> type + " config");
  }

  private static JsonObject noValidatorsPrepared() {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (String v : List.of(
        "document-validation", "electronic-signature", "email-verification", "enterprise-data", "face-recognition",
        "face-search", "identity-questions", "phone-verification", "voice-recognition", "authenticate")) {
      b.add(v, false);
    }
    return b.build();
  }
}
