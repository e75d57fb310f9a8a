package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the public port gives away. No {@code Server} or {@code X-Powered-By} header; the
 * operational endpoints ({@code /health}, {@code /metrics}, {@code /openapi}) answer only the
 * operator's key; with an https public base URL ({@link HardenedServer}) every answer carries HSTS
 * and the hosted flow's state cookie is {@code Secure}, {@code HttpOnly} and {@code SameSite=Lax}.
 */
class SurfaceIT {

  private static final List<String> OPERATIONAL = List.of("/health", "/metrics", "/openapi");

  private final HardenedServer hardened = HardenedServer.get();
  private final ApiClient api = hardened.api;

  @Test
  void noAnswerNamesTheServer() {
    for (String path : List.of("/", "/v1/flows", "/nothing-here", "/flow.xhtml", "/health")) {
      Resp r = api.send(api.request(path, null).header("X-Forwarded-For", address()).GET());
      assertNull(r.header("Server"), () -> path + " answered Server: " + r.header("Server"));
      assertNull(r.header("X-Powered-By"), () -> path + " answered X-Powered-By: " + r.header("X-Powered-By"));
    }
  }

  @Test
  void operationalEndpointsAnswerOnlyTheOperator() {
    for (String path : OPERATIONAL) {
      Resp anonymous = api.send(api.request(path, null).header("X-Forwarded-For", address()).GET());
      assertEquals(401, anonymous.status(), () -> path + " without a key: " + anonymous);
      assertEquals("{\"message\":\"Unauthorized\"}", anonymous.body());
      Resp wrong =
          api.send(api.request(path, null).header("X-Forwarded-For", address()).header("Authorization", "Bearer nope").GET());
      assertEquals(401, wrong.status(), () -> path + " with a wrong key: " + wrong);
      Resp tenantKey =
          api.send(api.request(path, null).header("X-Forwarded-For", address())
              .header("Authorization", "Bearer " + tenantKey()).GET());
      assertEquals(401, tenantKey.status(), () -> path + " with a tenant's key: " + tenantKey);
    }
    String operator = hardened.server.adminKey;
    Resp health = api.send(api.request("/health", null).header("Authorization", "Bearer " + operator).GET());
    assertEquals(200, health.status(), health::toString);
    assertTrue(health.body().contains("\"status\":\"UP\""), health::toString);
    Resp metrics = api.send(api.request("/metrics", null).header("Identity-Admin-Key", operator).GET());
    assertEquals(200, metrics.status(), () -> "metrics: HTTP " + metrics.status());
    Resp openapi = api.send(api.request("/openapi", null).header("Authorization", "Bearer " + operator).GET());
    assertEquals(200, openapi.status(), () -> "openapi: HTTP " + openapi.status());
    assertTrue(openapi.body().contains("openapi"), () -> "openapi: " + openapi.body().substring(0, 80));
  }

  /** A documentation address (RFC 5737) of its own for each use, so the failures spread out. */
  private static String address() {
    int n = (int) (Math.random() * 65_000);
    return "203.0." + (n / 256) + "." + (n % 256);
  }

  private String tenantKey;

  private String tenantKey() {
    if (tenantKey == null) {
      Resp created = api.createClient("surface-" + UUID.randomUUID().toString().substring(0, 8), "backend");
      assertEquals(201, created.status(), created::toString);
      tenantKey = created.json().getString("api_key");
    }
    return tenantKey;
  }

  @Test
  void httpsDeploymentsSendHstsOnApiAndPages() {
    for (String path : List.of("/", "/v1/flows", "/flow.xhtml")) {
      Resp r = api.send(api.request(path, null).header("X-Forwarded-For", address()).GET());
      String hsts = r.header("Strict-Transport-Security");
      assertEquals("max-age=31536000", hsts, () -> path + " answered HSTS " + hsts);
    }
  }

  @Test
  void theFlowCookieIsSecureHttpOnlyAndSameSiteLax() {
    String key = tenantKey();
    Resp flow =
        api.postJson(
            "/v1/flows", key, "{\"name\":\"Surface\",\"time_to_live\":30,\"steps\":[{\"type\":\"email-verification\"}]}");
    assertEquals(201, flow.status(), flow::toString);
    Resp token =
        api.postForm(
            "/v1/api-keys", key, "key_type", "web", "grant", "digital-identity", "api_key_version", "1",
            "country", "ALL", "redirect_url", "https://example.com/done", "flow_id", flow.json().getString("flow_id"));
    assertEquals(200, token.status(), token::toString);
    Resp opened =
        api.send(
            api.request("/", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                    ApiClient.form("token", token.json().getString("api_key")), StandardCharsets.UTF_8)));
    assertEquals(303, opened.status(), opened::toString);
    String cookie =
        opened.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("idforge_flow="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no flow state cookie in " + opened.headers().map()));
    List<String> attributes =
        List.of(cookie.toLowerCase(Locale.ROOT).replace(" ", "").split(";"));
    assertTrue(attributes.contains("secure"), () -> "not Secure: " + cookie);
    assertTrue(attributes.contains("httponly"), () -> "not HttpOnly: " + cookie);
    assertTrue(attributes.contains("samesite=lax"), () -> "not SameSite=Lax: " + cookie);
  }
}
