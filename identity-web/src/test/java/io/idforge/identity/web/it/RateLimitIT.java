package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on {@link HardenedServer} (its limits are small and keyed by {@code
 * X-Forwarded-For}, so each test uses client addresses of its own): wrong keys per address and
 * per key, and web-token issuance per backend key and per address, answered 429 in Truora's
 * envelope ({@code code} 10400) with {@code Retry-After}.
 */
class RateLimitIT {

  private static final String FLOW =
      "{\"name\":\"Limits\",\"time_to_live\":30,\"steps\":[{\"type\":\"email-verification\"}]}";

  private final ApiClient api = HardenedServer.get().api;

  @Test
  void wrongKeysFromOneAddressAreCutOffAndTheAddressWaits() {
    String attacker = address();
    String tenantKey = newTenantKey();
    for (int i = 0; i < HardenedServer.AUTH_FAILURES_PER_IP; i++) {
      Resp r = get("/v1/flows", "wrong-key-" + UUID.randomUUID(), attacker);
      assertEquals(401, r.status(), () -> "attempt within the limit: " + r);
    }
    assertTooManyRequests(get("/v1/flows", "wrong-key-" + UUID.randomUUID(), attacker));
    // The address waits even with a good key: its next guess is never checked.
    assertTooManyRequests(get("/v1/flows", tenantKey, attacker));
    // Everyone else is served.
    Resp other = get("/v1/flows", tenantKey, address());
    assertEquals(200, other.status(), other::toString);
  }

  @Test
  void oneWrongKeyTriedFromManyAddressesIsCutOff() {
    String guessed = "guessed-key-" + UUID.randomUUID();
    for (int i = 0; i < HardenedServer.AUTH_FAILURES_PER_KEY; i++) {
      Resp r = get("/v1/flows", guessed, address());
      assertEquals(401, r.status(), () -> "attempt within the limit: " + r);
    }
    assertTooManyRequests(get("/v1/flows", guessed, address()));
  }

  @Test
  void forgedProcessLinksFromOneAddressGetABusyPage() {
    String attacker = address();
    for (int i = 0; i < HardenedServer.AUTH_FAILURES_PER_IP; i++) {
      Resp r = api.send(api.request("/?token=forged." + UUID.randomUUID(), null).header("X-Forwarded-For", attacker).GET());
      assertEquals(401, r.status(), () -> "forged link within the limit: HTTP " + r.status());
    }
    Resp busy = api.send(api.request("/?token=forged." + UUID.randomUUID(), null).header("X-Forwarded-For", attacker).GET());
    assertEquals(429, busy.status(), () -> "HTTP " + busy.status());
    assertTrue(busy.body().contains("data-code=\"link.busy\""), busy::body);
    assertTrue(Integer.parseInt(busy.header("Retry-After")) >= 1, busy::toString);
  }

  @Test
  void tokenIssuanceIsLimitedPerBackendKeyAndPerAddress() {
    String key = newTenantKey();
    String flowId = newFlow(key);
    String client = address();
    for (int i = 0; i < HardenedServer.TOKENS_PER_KEY; i++) {
      Resp r = issue(key, flowId, client);
      assertEquals(200, r.status(), () -> "token within the limit: " + r);
    }
    assertTooManyRequests(issue(key, flowId, client));
    assertTooManyRequests(issue(key, flowId, address())); // per key, whatever the address

    // A second tenant on the same address: the address has room for TOKENS_PER_IP in all.
    String otherKey = newTenantKey();
    String otherFlow = newFlow(otherKey);
    for (int i = HardenedServer.TOKENS_PER_KEY; i < HardenedServer.TOKENS_PER_IP; i++) {
      Resp r = issue(otherKey, otherFlow, client);
      assertEquals(200, r.status(), () -> "token within the address limit: " + r);
    }
    assertTooManyRequests(issue(otherKey, otherFlow, client));
    Resp elsewhere = issue(otherKey, otherFlow, address());
    assertEquals(200, elsewhere.status(), elsewhere::toString);
  }

  private static void assertTooManyRequests(Resp r) {
    assertEquals(429, r.status(), () -> "expected 429: " + r);
    assertEquals(
        Json.createObjectBuilder()
            .add("code", 10400)
            .add("http_code", 429)
            .add("message", r.json().getString("message"))
            .build(),
        r.json());
    assertTrue(r.json().getString("message").startsWith("Too many requests"), r::toString);
    String retryAfter = r.header("Retry-After");
    assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1, () -> "Retry-After " + retryAfter);
    assertTrue(r.header("Content-Type").startsWith("application/json"), r::toString);
  }

  /** A documentation address (RFC 5737) of its own for each use. */
  private static String address() {
    int n = (int) (Math.random() * 65_000);
    return "198.51." + (n / 256) + "." + (n % 256);
  }

  private Resp get(String path, String key, String from) {
    return api.send(api.request(path, key).header("X-Forwarded-For", "10.9.9.9, " + from).GET());
  }

  private Resp issue(String key, String flowId, String from) {
    String body =
        ApiClient.form(
            "key_type", "web", "grant", "digital-identity", "api_key_version", "1", "country", "ALL",
            "redirect_url", "https://example.com/done", "flow_id", flowId);
    return api.send(
        api.request("/v1/api-keys", key)
            .timeout(Duration.ofSeconds(30))
            .header("X-Forwarded-For", from)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private String newTenantKey() {
    Resp r = api.createClient("limits-" + UUID.randomUUID().toString().substring(0, 8), "backend");
    assertEquals(201, r.status(), r::toString);
    return r.json().getString("api_key");
  }

  private String newFlow(String key) {
    Resp r =
        api.send(
            api.request("/v1/flows", key)
                .header("X-Forwarded-For", address())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FLOW)));
    assertEquals(201, r.status(), r::toString);
    return r.json().getString("flow_id");
  }
}
