package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Strict input on PostgreSQL: every shape an attack probe got a 2xx or a 500 for is a 400 in the
 * envelope naming the field, and nothing is written (each test compares the tenant's listings
 * before and after).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputIT extends ItSupport {

  private static final String CONTENT_TYPE_MESSAGE =
      "Invalid request: Content-Type must name the body's media type: application/json for flows,"
          + " application/x-www-form-urlencoded for forms";

  private Tenant tenant;
  private String flowId;
  private List<List<String>> before;

  @BeforeAll
  void setUp() {
    tenant = newTenant("Strict");
    flowId = createFlow(tenant, FULL_FLOW);
  }

  @BeforeEach
  void snapshot() {
    before = listings();
  }

  /** Every listing of the tenant, plus the flow's version: what a partial write would change. */
  private List<List<String>> listings() {
    return List.of(
        ids(api.get("/v1/flows", tenant.apiKey()), "flows", "flow_id"),
        ids(api.get("/v1/accounts", tenant.apiKey()), "accounts", "account_id"),
        ids(api.get("/v1/api-keys", tenant.apiKey()), "api_keys", "api_key_id"),
        ids(api.get("/v1/api-keys?key_type=backend", tenant.apiKey()), "api_keys", "api_key_id"),
        ids(api.get("/v1/processes", tenant.apiKey()), "identity_processes", "process_id"),
        List.of(String.valueOf(api.get("/v1/flows/" + flowId, tenant.apiKey()).json().getInt("flow_version"))));
  }

  private void assertNothingWritten() {
    assertEquals(before, listings(), "a rejected request changed the tenant's data");
  }

  @Test
  void nulBytesInQueryParametersAreRefused() {
    assertInvalid(api.get("/v1/processes?search=IDP%00x", tenant.apiKey()),
        "Invalid request: search must not contain NUL characters");
    assertInvalid(api.get("/v1/processes?start_key=%00", tenant.apiKey()),
        "Invalid request: start_key must not contain NUL characters");
    assertInvalid(api.get("/v1/accounts?start_key=a%00b", tenant.apiKey()),
        "Invalid request: start_key must not contain NUL characters");
    // In the path, Payara's HTTP layer refuses an encoded NUL itself (400, empty body) before the
    // application sees the request; WildFly passes it on and the application's own rule
    // (FieldRulesTest) answers the envelope. Either way a 400 and nothing written.
    Resp inPath = api.get("/v1/processes/IDP%00/result", tenant.apiKey());
    assertEquals(400, inPath.status(), inPath::toString);
    if (!inPath.body().isEmpty()) {
      assertInvalid(inPath, "Invalid request: the path must not contain NUL characters");
    }
    assertNothingWritten();
  }

  @Test
  void nulBytesInFormFieldsAreRefused() {
    assertInvalid(api.postRawForm("/v1/accounts", tenant.apiKey(), "account_id=strict-nul&first_name=An%00a"),
        "Invalid request: first_name must not contain NUL characters");
    assertInvalid(
        api.postRawForm("/v1/api-keys", tenant.apiKey(),
            ApiClient.form(webTokenForm(flowId)) + "&start_variables.metadata.name=ju%00an"),
        "Invalid request: start_variables.metadata.name must not contain NUL characters");
    assertInvalid(api.postRawForm("/v1/api-keys", tenant.apiKey(), "key_type=backend&key_name=a%00b"),
        "Invalid request: key_name must not contain NUL characters");
    assertError(api.get("/v1/accounts/strict-nul", tenant.apiKey()), 404, 10404, "Validation account not found");
    assertNothingWritten();
  }

  @Test
  void datesOutOfRangeAreRefused() {
    String range = " must lie between 0001-01-01 and 9999-12-31";
    assertInvalid(
        api.get("/v1/processes?start_date=" + encode("+999999999-12-01T00:00:00Z") + "&end_date="
            + encode("+999999999-12-31T00:00:00Z"), tenant.apiKey()),
        "Invalid request: start_date" + range);
    assertInvalid(
        api.get("/v1/processes?start_date=" + encode("-0001-01-01T00:00:00Z") + "&end_date="
            + encode("-0001-01-02T00:00:00Z"), tenant.apiKey()),
        "Invalid request: start_date" + range);
    assertInvalid(
        api.get("/v1/processes?start_date=" + encode("9999-12-30T00:00:00Z") + "&end_date="
            + encode("9999-12-31T23:00:00-05:00"), tenant.apiKey()),
        "Invalid request: end_date" + range);
    for (String date : List.of("+999999999-12-31", "-0001-01-01")) {
      assertInvalid(
          api.postForm("/v1/accounts", tenant.apiKey(), "account_id", "strict-date", "document_issue_date", date),
          "Invalid request: document_issue_date" + range);
    }
    assertError(api.get("/v1/accounts/strict-date", tenant.apiKey()), 404, 10404, "Validation account not found");
    // The edges of the range are dates like any other.
    assertEquals(200, api.get("/v1/processes?start_date=" + encode("0001-01-01T00:00:00Z") + "&end_date="
        + encode("0001-01-02T00:00:00Z"), tenant.apiKey()).status());
    assertNothingWritten();
  }

  @Test
  void jsonWithTrailingGarbageOrDuplicateKeysIsRefused() {
    String flow = flowJson("Strict", 60, "face-recognition");
    String trailing = "Invalid request: the body has content after the JSON value";
    assertInvalid(api.postJson("/v1/flows", tenant.apiKey(), flow + " trailing"), trailing);
    assertInvalid(api.postJson("/v1/flows", tenant.apiKey(), flow + flow), trailing);
    assertInvalid(api.putJson("/v1/flows/" + flowId, tenant.apiKey(), flow + "]"), trailing);
    assertInvalid(
        api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"a\",\"name\":\"b\",\"steps\":[{\"type\":\"face-recognition\"}]}"),
        "Invalid request: duplicate field name");
    assertInvalid(
        api.putJson("/v1/flows/" + flowId, tenant.apiKey(),
            "{\"name\":\"a\",\"steps\":[{\"type\":\"face-recognition\",\"type\":\"document-validation\"}]}"),
        "Invalid request: duplicate field steps[0].type");
    assertInvalid(
        api.postJson("/v1/flows", tenant.apiKey(), "{\"name\":\"a\\u0000\",\"steps\":[{\"type\":\"face-recognition\"}]}"),
        "Invalid request: name must not contain NUL characters");
    assertNothingWritten();
  }

  @Test
  void bodiesWithoutAConcreteContentTypeAreRefused() {
    String flow = flowJson("No type", 60, "face-recognition");
    assertInvalid(post("/v1/flows", null, flow), CONTENT_TYPE_MESSAGE);
    assertInvalid(
        api.send(api.request("/v1/flows/" + flowId, tenant.apiKey()).PUT(HttpRequest.BodyPublishers.ofString(flow))),
        CONTENT_TYPE_MESSAGE);
    assertInvalid(post("/v1/flows", "*/*", flow), CONTENT_TYPE_MESSAGE);
    String form = ApiClient.form(webTokenForm(flowId));
    assertInvalid(post("/v1/api-keys", "*/*", form), CONTENT_TYPE_MESSAGE);
    assertInvalid(post("/v1/api-keys", "application/*", form), CONTENT_TYPE_MESSAGE);
    assertInvalid(post("/v1/api-keys", null, form), CONTENT_TYPE_MESSAGE);
    assertInvalid(post("/v1/accounts", "*/*", "account_id=strict-type"), CONTENT_TYPE_MESSAGE);
    assertInvalid(post("/v1/accounts", "application/x-www-form-urlencoded; charset=ISO-8859-1", "account_id=strict-type"),
        "Invalid request: Content-Type charset must be UTF-8");
    // A Content-Type the JAX-RS runtime cannot parse: the envelope, not the container's HTML page.
    assertInvalid(post("/v1/accounts", "garbage", "account_id=strict-type"), CONTENT_TYPE_MESSAGE);
    assertInvalid(
        api.send(api.request("/v1/flows/" + flowId, tenant.apiKey()).header("Content-Type", "garbage")
            .PUT(HttpRequest.BodyPublishers.ofString(flow))),
        CONTENT_TYPE_MESSAGE);
    assertInvalid(
        api.send(api.request("/v1/processes", tenant.apiKey()).header("Content-Type", "garbage")
            .POST(HttpRequest.BodyPublishers.noBody())),
        CONTENT_TYPE_MESSAGE);
    // UTF-8 said explicitly is fine; an empty POST needs no type.
    assertEquals(201, post("/v1/accounts", "application/x-www-form-urlencoded; charset=UTF-8", "").status());
    before = listings();
    assertNothingWritten();
  }

  @Test
  void formFieldsWithEmptyNamesAreRefused() {
    assertInvalid(api.postRawForm("/v1/api-keys", tenant.apiKey(), ApiClient.form(webTokenForm(flowId)) + "&=x"),
        "Invalid request: a field has an empty name");
    assertInvalid(api.postRawForm("/v1/accounts", tenant.apiKey(), "=strict&account_id=strict-empty"),
        "Invalid request: a field has an empty name");
    assertNothingWritten();
  }

  @Test
  void singleValuedQueryParametersGivenTwiceAreRefused() {
    assertInvalid(api.get("/v1/processes?status=pending&status=success", tenant.apiKey()),
        "Invalid request: status must be given once");
    assertInvalid(api.get("/v1/processes?start_key=a&start_key=b", tenant.apiKey()),
        "Invalid request: start_key must be given once");
    assertInvalid(api.get("/v1/api-keys?key_type=web&key_type=backend", tenant.apiKey()),
        "Invalid request: key_type must be given once");
    assertInvalid(api.get("/v1/processes?=x", tenant.apiKey()), "Invalid request: a parameter has an empty name");
    // declined_reason is repeatable, as in Truora's listing.
    Resp repeated =
        api.get("/v1/processes?status=failure&declined_reason=invalid_document_number&declined_reason=blurry_image",
            tenant.apiKey());
    assertEquals(200, repeated.status(), repeated::toString);
    assertNothingWritten();
  }

  private Resp post(String path, String contentType, String body) {
    HttpRequest.Builder b =
        api.request(path, tenant.apiKey()).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return api.send(b);
  }
}
