package io.idforge.identity.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The hosted flow inside a tenant's iframe, in headless Chromium. The tenant's page is served by a
 * small HTTP server in this JVM on another port of {@code localhost}: another origin than the
 * service (so {@code frame-ancestors} and {@code postMessage}'s target origin are really checked)
 * but the same site, so the session cookie stays {@code SameSite=Lax} (cross-site embedding needs
 * {@code SameSite=None} over https; see the README). The page records every message it receives.
 */
class EmbeddedFlowIT extends BrowserSupport {

  /** The tenant's page: records each message as {data, origin} in {@code window.received}. */
  static final String PARENT_PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tenant</title></head><body>"
      + "<script>window.received = [];"
      + "window.addEventListener('message', function (e) { window.received.push({data: e.data, origin: e.origin}); });"
      + "</script><iframe id=\"identity\" src=\"%s\" allow=\"camera\" width=\"360\" height=\"700\"></iframe></body></html>";

  static HttpServer tenantSite;
  static String tenantOrigin;

  @BeforeAll
  static void startTenantSite() throws IOException {
    tenantSite = HttpServer.create(new InetSocketAddress(0), 0);
    tenantSite.createContext("/embed", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      String src = URLDecoder.decode(query.substring("src=".length()), StandardCharsets.UTF_8);
      byte[] html = String.format(PARENT_PAGE, src.replace("&", "&amp;").replace("\"", "&quot;")).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, html.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(html);
      }
    });
    // Where the iframe goes when the user is done (the token's redirect_url).
    tenantSite.createContext("/done", exchange -> {
      byte[] html = "<!DOCTYPE html><p id=\"tenant-done\">back at the tenant</p>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, html.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(html);
      }
    });
    tenantSite.setExecutor(Executors.newFixedThreadPool(2));
    tenantSite.start();
    tenantOrigin = "http://localhost:" + tenantSite.getAddress().getPort();
  }

  @AfterAll
  static void stopTenantSite() {
    if (tenantSite != null) {
      tenantSite.stop(0);
    }
  }

  static String embeddableFlow(String name, String origin) {
    return "{\"name\":\"" + name + "\",\"time_to_live\":30,\"steps\":["
        + HostedFlowIT.email(null) + "],\"allowed_frame_ancestors\":[\"" + origin + "\"]}";
  }

  /** A web token whose redirect_url is the tenant's own page. */
  static String tokenBackToTenant(String flowId) {
    return json(send(api("/v1/api-keys").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(
            "key_type", "web", "grant", "digital-identity", "api_key_version", "1", "country", "ALL",
            "redirect_url", tenantOrigin + "/done", "flow_id", flowId))), 200)).getString("api_key");
  }

  /** Opens the tenant's page embedding {@code src} and switches into the iframe. */
  void openTenantPage(String src) {
    browser.get(tenantOrigin + "/embed?src=" + enc(src));
    browser.switchTo().frame(waitFor(By.id("identity")));
  }

  /** The URL of the document in the frame the driver is switched to (getCurrentUrl is the top page's). */
  String frameUrl() {
    return (String) ((JavascriptExecutor) browser).executeScript("return document.URL;");
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> received() {
    browser.switchTo().defaultContent();
    return new ArrayList<>((List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("return window.received;"));
  }

  List<Map<String, Object>> awaitMessages(int count) {
    List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
    patiently(Duration.ofSeconds(10))
        .withMessage(() -> "waiting for " + count + " message(s) at the tenant's page, got " + last.get(0))
        .until(d -> {
          last.set(0, received());
          return last.get(0).size() >= count;
        });
    return last.get(0);
  }

  @Test
  void theTenantsPageHearsSucceededWhenTheUserContinuesFromTheEmbeddedFlow() throws Exception {
    String address = "eva." + System.nanoTime() + "@embedded.idforge.test";
    String flowId = createFlow(embeddableFlow("Embedded success", tenantOrigin));
    startBrowser("en");
    openTenantPage(server.baseUri + "/?token=" + enc(tokenBackToTenant(flowId)));
    waitFor(By.id("progress"));
    String processId = processId();
    // The session cookie works inside the frame: the form posts keep the process.
    type("send:destination", address);
    click("send:send-code");
    waitForNotice("code_sent");
    type("verify:code", mailedCode(address));
    click("verify:verify-code");
    WebElement outcome = waitFor(By.id("outcome"));
    assertEquals("success", outcome.getAttribute("data-status"));
    screenshot("finished-in-frame");
    // Nothing is posted before the user leaves the finished page (as Truora: on "Finish" or the redirect).
    assertEquals(List.of(), received());
    browser.switchTo().frame(browser.findElement(By.id("identity")));
    click("continue");

    List<Map<String, Object>> messages = awaitMessages(1);
    assertEquals("truora.process.succeeded", messages.get(0).get("data"), "Truora's bare event name");
    assertEquals(server.baseUri.toString().replaceAll("/$", ""), messages.get(0).get("origin"));
    // The frame went on to the tenant's redirect_url with the process id.
    browser.switchTo().frame(browser.findElement(By.id("identity")));
    waitFor(By.id("tenant-done"));
    assertEquals(tenantOrigin + "/done?process_id=" + processId, frameUrl());
    assertEquals(1, received().size(), "one message");
    assertEquals("success", result(processId).getString("status"));
  }

  @Test
  void withEventFormatSdkTheFailedEventCarriesTheProcessIdAfterACancel() throws Exception {
    String flowId = createFlow(embeddableFlow("Embedded cancel", tenantOrigin));
    startBrowser("es");
    openTenantPage(server.baseUri + "/?token=" + enc(tokenBackToTenant(flowId)) + "&event_format=sdk");
    waitFor(By.id("progress"));
    String processId = processId();
    click("cancel-open");
    new Select(browser.findElement(By.id("cancel:reason"))).selectByValue("dont_want_to_continue");
    click("cancel:confirm-cancel");
    waitFor(By.id("outcome"));
    click("continue");
    List<Map<String, Object>> messages = awaitMessages(1);
    assertEquals("truora.process.failed," + processId, messages.get(0).get("data"));
    JsonObject result = result(processId);
    assertEquals("failure", result.getString("status"));
    assertEquals("canceled", result.getString("declined_reason"));
  }

  @Test
  void stepsCompletedWhenTheUserLeavesWhileTheLastStepWaitsForAReviewer() throws Exception {
    String flowId = createFlow("{\"name\":\"Embedded review\",\"time_to_live\":30,\"steps\":[{\"type\":\"document-validation\","
        + "\"config\":{" + HostedFlowIT.CO_CEDULA + ",\"manual_review\":\"enabled\"}}],"
        + "\"allowed_frame_ancestors\":[\"" + tenantOrigin + "\"]}");
    startBrowser("en");
    openTenantPage(server.baseUri + "/?token=" + enc(tokenBackToTenant(flowId)) + "&event_format=sdk");
    waitFor(By.id("progress"));
    String processId = processId();
    // A centenarian's cédula: the age is above the threshold, so a person reviews the document.
    new Select(browser.findElement(By.id("document:country"))).selectByValue("CO");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("national-id");
    upload("document:front", images.front());
    upload("document:back", images.back("19000101"));
    click("document:upload-document");
    waitFor(By.id("in-review"));
    screenshot("in-review-in-frame");
    assertEquals(List.of(), received(), "nothing before the user leaves");
    browser.switchTo().frame(browser.findElement(By.id("identity")));
    click("continue");
    List<Map<String, Object>> messages = awaitMessages(1);
    assertEquals("truora.steps.completed," + processId, messages.get(0).get("data"));
    assertEquals("pending", result(processId).getString("status"), "the review is still open");
  }

  @Test
  void aPageFromAnOriginTheFlowDoesNotAllowGetsNoFlowAndNoMessage() throws Exception {
    // The flow allows another port of localhost only: the tenant's page here is not that origin.
    String flowId = createFlow(embeddableFlow("Embedded elsewhere", "http://localhost:1"));
    // What the service answers: frame-ancestors names the flow's origin, not this page's.
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
            URI.create(server.baseUri + "/?token=" + enc(tokenBackToTenant(flowId)))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.endsWith("; frame-ancestors http://localhost:1"), csp);

    startBrowser("en");
    openTenantPage(server.baseUri + "/?token=" + enc(tokenBackToTenant(flowId)));
    // Chromium refuses to render the frame: it holds its error page, not the flow.
    String[] seen = {null};
    patiently(Duration.ofSeconds(10))
        .withMessage(() -> "the frame should be blocked, it shows " + seen[0])
        .until(d -> {
          seen[0] = frameUrl();
          return seen[0].startsWith("chrome-error://");
        });
    assertTrue(browser.findElements(By.id("progress")).isEmpty(), "no flow page inside the frame");
    screenshot("refused-frame");
    browser.switchTo().defaultContent();
    // The page never hears anything from the refused frame.
    Thread.sleep(1_000);
    assertEquals(List.of(), received());
  }
}
