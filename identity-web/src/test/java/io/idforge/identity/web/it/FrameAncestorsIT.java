package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may frame the hosted pages, per flow ({@code allowed_frame_ancestors}): the flow API
 * validates and echoes the origins, and the process URL, its redirect and the flow page carry
 * {@code Content-Security-Policy: frame-ancestors} with exactly the process's flow's origins (no
 * {@code X-Frame-Options} then), or {@code 'none'} plus {@code X-Frame-Options: DENY}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameAncestorsIT extends ItSupport {

  static final String ORIGIN_RULE = " must be an origin such as https://shop.example.com (https, or http only for"
      + " localhost and 127.0.0.1), without path, query or wildcard";

  private Tenant tenant;

  @BeforeAll
  void setUp() {
    tenant = newTenant("FrameAncestors");
  }

  static String embeddableFlow(String name, String originsJson) {
    return "{\"name\":\"" + name + "\",\"time_to_live\":30,\"steps\":[{\"type\":\"email-verification\"}],"
        + "\"allowed_frame_ancestors\":" + originsJson + "}";
  }

  @Test
  void theFlowApiNormalisesAndEchoesTheOrigins() {
    Resp created = api.postJson("/v1/flows", tenant.apiKey(),
        embeddableFlow("Embedded", "[\"https://Shop.Example.com:443\",\"http://localhost:3000\",\"https://shop.example.com\"]"));
    assertEquals(201, created.status(), created::toString);
    assertEquals(List.of("https://shop.example.com", "http://localhost:3000"), origins(created.json()));
    String flowId = created.json().getString("flow_id");
    assertEquals(List.of("https://shop.example.com", "http://localhost:3000"),
        origins(api.get("/v1/flows/" + flowId, tenant.apiKey()).json()));
    // Without the field, or with an empty list, nobody may frame the flow: the member is omitted.
    Resp plain = api.postJson("/v1/flows", tenant.apiKey(), embeddableFlow("Not embedded", "[]"));
    assertEquals(201, plain.status(), plain::toString);
    assertAbsent(plain.json(), "allowed_frame_ancestors");
  }

  @Test
  void badOriginsAre400NamingTheEntryAndNothingIsSaved() {
    int before = api.get("/v1/flows", tenant.apiKey()).array("flows").size();
    assertInvalid(api.postJson("/v1/flows", tenant.apiKey(), embeddableFlow("Bad", "[\"https://ok.example.com\",\"http://shop.example.com\"]")),
        "Invalid request: allowed_frame_ancestors[1]" + ORIGIN_RULE);
    assertInvalid(api.postJson("/v1/flows", tenant.apiKey(), embeddableFlow("Bad", "[\"https://*.example.com\"]")),
        "Invalid request: allowed_frame_ancestors[0]" + ORIGIN_RULE);
    assertInvalid(api.postJson("/v1/flows", tenant.apiKey(), embeddableFlow("Bad", "[\"https://shop.example.com; script-src *\"]")),
        "Invalid request: allowed_frame_ancestors[0]" + ORIGIN_RULE);
    assertInvalid(api.postJson("/v1/flows", tenant.apiKey(), embeddableFlow("Bad", "\"https://shop.example.com\"")),
        "Invalid request: allowed_frame_ancestors must be an array");
    assertInvalid(api.postJson("/v1/flows", tenant.apiKey(), embeddableFlow("Bad", "[42]")),
        "Invalid request: allowed_frame_ancestors[0] must be a string");
    assertEquals(before, api.get("/v1/flows", tenant.apiKey()).array("flows").size(), "no flow was saved");
    // An update with a bad origin leaves the flow at its version.
    String flowId = createFlow(tenant, embeddableFlow("Kept", "[\"https://shop.example.com\"]"));
    assertInvalid(api.putJson("/v1/flows/" + flowId, tenant.apiKey(), embeddableFlow("Kept", "[\"ftp://shop.example.com\"]")),
        "Invalid request: allowed_frame_ancestors[0]" + ORIGIN_RULE);
    JsonObject kept = api.get("/v1/flows/" + flowId, tenant.apiKey()).json();
    assertEquals(1, kept.getInt("flow_version"));
    assertEquals(List.of("https://shop.example.com"), origins(kept));
  }

  @Test
  void theHostedPagesOfAProcessMayBeFramedByItsFlowsOriginsOnly() {
    String flowId = createFlow(tenant, embeddableFlow("Framed", "[\"https://shop.example.com\",\"http://localhost:3000\"]"));
    Browser user = new Browser();
    HttpResponse<String> entry = user.get("/?token=" + encode(mintToken(tenant, flowId)));
    assertEquals(303, entry.statusCode());
    String allowed = "frame-ancestors https://shop.example.com http://localhost:3000";
    assertTrue(csp(entry).endsWith("; " + allowed), csp(entry));
    assertEquals(List.of(), entry.headers().allValues("X-Frame-Options"), "no X-Frame-Options for an allowlist");
    HttpResponse<String> page = user.get(entry.headers().firstValue("Location").orElseThrow());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"step-title\""), "the flow page");
    assertTrue(csp(page).endsWith("; " + allowed), csp(page));
    assertEquals(List.of(), page.headers().allValues("X-Frame-Options"), "no X-Frame-Options for an allowlist");
    // Static resources carry no page policy.
    HttpResponse<String> css = user.get("/jakarta.faces.resource/hosted/embed.js.xhtml");
    assertEquals(200, css.statusCode());
    assertTrue(css.body().contains("postMessage"), "embed.js is served by the app");
  }

  @Test
  void withoutAnAllowlistOrAProcessNobodyMayFrameThePages() {
    String flowId = createFlow(tenant, flowJson("Not framed", 30, "email-verification"));
    Browser user = new Browser();
    HttpResponse<String> entry = user.get("/?token=" + encode(mintToken(tenant, flowId)));
    assertEquals(303, entry.statusCode());
    HttpResponse<String> page = user.get(entry.headers().firstValue("Location").orElseThrow());
    assertEquals(200, page.statusCode());
    assertDenied(page);
    // Another tenant's embeddable flow does not leak into this browser's pages.
    assertFalse(csp(page).contains("shop.example.com"), csp(page));
    // The landing page, a forged link and the flow page without a session: nobody.
    assertDenied(new Browser().get("/"));
    HttpResponse<String> forged = new Browser().get("/?token=not-a-token");
    assertEquals(401, forged.statusCode());
    assertDenied(forged);
    assertDenied(new Browser().get("/flow.xhtml"));
  }

  @Test
  void aRunningProcessKeepsThePolicyOfTheFlowVersionItPinned() {
    String flowId = createFlow(tenant, embeddableFlow("Versioned", "[\"https://old.example.com\"]"));
    String oldToken = mintToken(tenant, flowId);
    Browser early = new Browser();
    HttpResponse<String> started = early.get("/?token=" + encode(oldToken));
    Resp updated = api.putJson("/v1/flows/" + flowId, tenant.apiKey(), embeddableFlow("Versioned", "[\"https://new.example.com\"]"));
    assertEquals(200, updated.status(), updated::toString);
    assertEquals(2, updated.json().getInt("flow_version"));
    HttpResponse<String> earlyPage = early.get(started.headers().firstValue("Location").orElseThrow());
    assertTrue(csp(earlyPage).endsWith("frame-ancestors https://old.example.com"), csp(earlyPage));
    Browser late = new Browser();
    HttpResponse<String> lateEntry = late.get("/?token=" + encode(mintToken(tenant, flowId)));
    assertTrue(csp(late.get(lateEntry.headers().firstValue("Location").orElseThrow())).endsWith("frame-ancestors https://new.example.com"));
  }

  static void assertDenied(HttpResponse<String> r) {
    assertTrue(csp(r).endsWith("; frame-ancestors 'none'"), () -> r.uri().getPath() + ": " + csp(r));
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), () -> r.uri().getPath());
  }

  static String csp(HttpResponse<String> r) {
    String value = r.headers().firstValue("Content-Security-Policy").orElse(null);
    assertEquals(1, r.headers().allValues("Content-Security-Policy").size(), "one policy: " + r.headers().allValues("Content-Security-Policy"));
    assertTrue(value != null, "no Content-Security-Policy");
    return value;
  }

  static List<String> origins(JsonObject flow) {
    return flow.getJsonArray("allowed_frame_ancestors").getValuesAs(JsonString::getString);
  }

  /** A browser without redirects: a cookie jar and the raw answers. */
  static final class Browser {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(String pathAndQuery) {
      URI uri = api.uri(pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
      try {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
