package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The wire JSON is JSON-B's on every server: Truora's snake_case names, absent members instead of
 * nulls, UTC dates. It runs on Payara Micro and on WildFly (-Pwildfly), where RESTEasy would switch
 * the whole deployment to Jackson ({"apiKey":...}, "httpCode", nulls written) if web.xml did not pin
 * JSON-B, and where Hibernate, not EclipseLink, reads the dates back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireShapeIT extends ItSupport {

  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");

  private Tenant tenant;
  private String flowId;

  @BeforeAll
  void setUp() {
    tenant = newTenant("WireShape");
    flowId = createFlow(tenant, FULL_FLOW);
  }

  @Test
  void aWebTokenIsExactlyApiKeyAndMessage() {
    Resp r = requestToken(tenant, flowId);
    assertEquals(200, r.status(), r::toString);
    assertJsonContentType(r);
    JsonObject o = r.json();
    assertEquals(Set.of("api_key", "message"), o.keySet(), r::toString);
    assertEquals("API key created successfully", o.getString("message"));
  }

  @Test
  void anErrorIsTheEnvelopeWithHttpCode() {
    Resp r = api.get("/v1/processes/IDP00000000000000000000000000000000", tenant.apiKey());
    assertEquals(404, r.status(), r::toString);
    assertEquals(Set.of("code", "http_code", "message"), r.json().keySet(), r::toString);
    assertEquals(10404, r.json().getInt("code"));
    assertEquals(404, r.json().getInt("http_code"));
  }

  @Test
  void aPendingResultHasSnakeCaseNamesNoNullsAndUtcDates() {
    String token = mintToken(tenant, flowId, "start_variables.metadata.name", "juan");
    String processId = processIdOf(token);
    Resp r = api.get("/v1/processes/" + processId + "/result", tenant.apiKey());
    assertEquals(200, r.status(), r::toString);
    JsonObject result = r.json();
    // The caller's own variable names are the one place where any name may appear.
    assertEquals("juan", result.getJsonObject("variables").getJsonObject("start").getJsonObject("metadata").getString("name"));
    assertShape("result", result, Set.of("variables"));
    assertAbsent(result, "failure_status");
    assertUtc(result.getString("creation_date"));
  }

  @Test
  void aFlowHasSnakeCaseNamesNoNullsAndUtcDates() {
    JsonObject flow = api.get("/v1/flows/" + flowId, tenant.apiKey()).json();
    assertShape("flow", flow, Set.of());
    assertUtc(flow.getString("creation_date"));
    assertUtc(flow.getString("update_date"));
  }

  /** Every member name snake_case and no member null, at every depth except under {@code skip}. */
  private static void assertShape(String path, JsonValue value, Set<String> skip) {
    switch (value.getValueType()) {
      case OBJECT:
        for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
          String at = path + "." + e.getKey();
          assertTrue(SNAKE_CASE.matcher(e.getKey()).matches(), () -> "member name " + at + " is not snake_case");
          assertFalse(e.getValue().getValueType() == JsonValue.ValueType.NULL, () -> at + " is written as null");
          if (!skip.contains(e.getKey())) {
            assertShape(at, e.getValue(), skip);
          }
        }
        break;
      case ARRAY:
        int i = 0;
        for (JsonValue v : value.asJsonArray()) {
          assertShape(path + "[" + i++ + "]", v, skip);
        }
        break;
      default:
        break;
    }
  }

  /** Stored as TIMESTAMP WITH TIME ZONE and read back by the JPA provider: UTC on both. */
  private static void assertUtc(String date) {
    assertEquals(ZoneOffset.UTC, OffsetDateTime.parse(date).getOffset(), () -> date + " is not in UTC");
  }
}
