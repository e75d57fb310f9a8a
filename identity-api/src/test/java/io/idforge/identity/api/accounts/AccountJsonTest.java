package io.idforge.identity.api.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.idforge.identity.api.JsonSupport;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountJsonTest {

  static AccountResponse sample() {
    return new AccountResponse(
        "demo.test.2024",
        "CO",
        OffsetDateTime.parse("2024-05-02T10:15:30Z"),
        "national-id",
        "ana@example.com",
        "Ana",
        "PEREZ",
        "1020304050",
        "+573101234567",
        AccountResponse.noValidatorsPrepared());
  }

  @Test
  void accountUsesTruoraKeysAndValidatorOrder() {
    AccountResponse a = sample();
    String json = JsonSupport.toJson(a);
    JsonObject o = JsonSupport.object(json);
    assertEquals(
        List.of(
            "account_id",
            "country",
            "creation_date",
            "document_type",
            "email",
            "first_name",
            "last_name",
            "national_id",
            "phone_number",
            "validators_prepared"),
        JsonSupport.keys(o));
    assertEquals(AccountResponse.VALIDATORS, JsonSupport.keys(o.getJsonObject("validators_prepared")));
    assertFalse(o.getJsonObject("validators_prepared").getBoolean("face-recognition"));
    assertEquals(a, JsonSupport.fromJson(json, AccountResponse.class));
  }

  @Test
  void minimalAccountOmitsNulls() {
    AccountResponse a =
        new AccountResponse(
            "ACC0123456789abcdef0123456789abcdef",
            null,
            OffsetDateTime.parse("2024-05-02T10:15:30Z"),
            null,
            null,
            null,
            null,
            null,
            null,
            AccountResponse.noValidatorsPrepared());
    assertEquals(
        List.of("account_id", "creation_date", "validators_prepared"), JsonSupport.keysOf(a));
  }

  @Test
  void listRoundTrips() {
    AccountListResponse list =
        new AccountListResponse(List.of(sample()), "/v1/accounts?start_key=x", "/v1/accounts");
    assertEquals(List.of("accounts", "next", "self"), JsonSupport.keysOf(list));
    assertEquals(list, JsonSupport.fromJson(JsonSupport.toJson(list), AccountListResponse.class));
  }
}
