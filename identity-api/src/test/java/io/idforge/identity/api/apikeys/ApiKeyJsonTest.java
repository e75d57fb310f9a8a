package io.idforge.identity.api.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.JsonSupport;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyJsonTest {

  private static final OffsetDateTime CREATED = OffsetDateTime.parse("2024-05-02T10:15:30Z");

  @Test
  void createdResponseIsTruorasShape() {
    ApiKeyCreatedResponse r = ApiKeyCreatedResponse.created("eyJhbGc.payload.sig");
    String json = JsonSupport.toJson(r);
    assertEquals(
        "{\"api_key\":\"eyJhbGc.payload.sig\",\"message\":\"API key created successfully\"}", json);
    assertEquals(r, JsonSupport.fromJson(json, ApiKeyCreatedResponse.class));
  }

  @Test
  void summaryUsesWireNamesAndValuesAndOmitsNulls() {
    ApiKeySummary s =
        new ApiKeySummary(
            "9b2f3c1e-1111-4222-8333-444455556666",
            KeyType.WEB,
            Grant.DIGITAL_IDENTITY,
            "onboarding",
            "user-42",
            "IPF7e6d5c4b3a29180f7e6d5c4b3a291801",
            null,
            ApiKeySummary.ACTIVE,
            CREATED,
            CREATED.plusHours(2),
            null);
    String json = JsonSupport.toJson(s);
    JsonObject o = JsonSupport.object(json);
    assertEquals(
        List.of(
            "api_key_id",
            "key_type",
            "grant",
            "key_name",
            "account_id",
            "flow_id",
            "status",
            "creation_date",
            "expiration_date"),
        JsonSupport.keys(o));
    assertEquals("web", o.getString("key_type"));
    assertEquals("digital-identity", o.getString("grant"));
    assertEquals("2024-05-02T10:15:30Z", o.getString("creation_date"));
    assertFalse(json.contains("api_key\""), "a summary never carries a token");
    assertEquals(s, JsonSupport.fromJson(json, ApiKeySummary.class));
  }

  @Test
  void listRoundTripsAndOmitsMissingNext() {
    ApiKeySummary backend =
        new ApiKeySummary(
            "KEY1", KeyType.BACKEND, null, "ci", null, null, null, ApiKeySummary.REVOKED,
            CREATED, null, CREATED.plusDays(1));
    ApiKeyListResponse list = new ApiKeyListResponse(List.of(backend), null, "/v1/api-keys");
    String json = JsonSupport.toJson(list);
    assertEquals(List.of("api_keys", "self"), JsonSupport.keysOf(list));
    assertTrue(json.contains("\"key_type\":\"backend\""));
    assertFalse(json.contains("\"grant\""));
    assertEquals(list, JsonSupport.fromJson(json, ApiKeyListResponse.class));
  }

  @Test
  void wireEnumsRoundTripTheirSpelling() {
    for (KeyType t : KeyType.values()) {
      assertEquals(t, KeyType.fromWire(t.wireValue()).orElseThrow());
    }
    for (Grant g : Grant.values()) {
      assertEquals(g, Grant.fromWire(g.wireValue()).orElseThrow());
    }
    for (DocumentType d : DocumentType.values()) {
      assertEquals(d, DocumentType.fromWire(d.wireValue()).orElseThrow());
    }
    assertEquals("driver-license", DocumentType.DRIVER_LICENSE.wireValue());
    assertEquals("generator", KeyType.GENERATOR.wireValue());
    assertTrue(KeyType.fromWire("WEB").isEmpty());
    assertTrue(Grant.fromWire(null).isEmpty());
    assertEquals("backend, web, sdk, generator", KeyType.allowedValues());
  }
}
