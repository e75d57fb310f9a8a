package io.idforge.identity.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Every hosted page, audited twice as the user gets it on a slow phone network: axe-core (the
 * copy bundled in {@code com.deque.html.axe-core:selenium}, injected into the page) must find no
 * serious or critical violation, and each step page must weigh less than {@link #BUDGET} bytes of
 * HTML, CSS and script (images apart) as transferred with the cache off, on Chrome's emulated 3G
 * (1.6 Mbps down, 750 kbps up, 150 ms round trip). Reports: {@code target/accessibility.md} (all
 * violations per page, any impact) and {@code target/page-weight.md}.
 */
class HostedPagesAuditIT extends BrowserSupport {

  /** Largest step page, HTML + CSS + JS as transferred, before images. */
  static final long BUDGET = 150 * 1024;

  /** Impacts that fail the audit. */
  static final List<String> BLOCKING = List.of("serious", "critical");

  /** Page name to its violations (rule id, impact, nodes). */
  static final Map<String, List<String>> AUDIT = new LinkedHashMap<>();

  /** Page name to its weight and timing row. */
  static final Map<String, Weight> WEIGHTS = new LinkedHashMap<>();

  record Weight(long html, long css, long js, long interactiveMs, long loadMs) {
    long total() {
      return html + css + js;
    }
  }

  static String axeSource;

  @Test
  void everyHostedPageIsAccessibleAndLightOnA3gPhone() throws Exception {
    startBrowser("en");
    throttle(browser);

    // Pages outside the flow: landing, a forged link, an unknown hand-off link, the error page.
    browser.get(server.baseUri + "/");
    waitFor(By.id("landing"));
    audit("landing", false);
    browser.get(server.baseUri + "/?token=not-a-token");
    waitFor(By.id("problem"));
    audit("problem: invalid link (401)", false);
    browser.get(server.baseUri + "/handoff?t=unknown");
    waitFor(By.id("problem"));
    audit("problem: hand-off link unknown (404)", false);
    browser.get(server.baseUri + "/no-such-page.xhtml");
    waitFor(By.id("error"));
    audit("error page", false);

    // Welcome, e-mail, document (also with the camera open), face, then cancel.
    String address = "audit." + System.nanoTime() + "@audit.idforge.test";
    String flowId = createFlow("{\"name\":\"Audit\",\"time_to_live\":30,"
        + "\"privacy_notice_url\":\"https://acme.example/privacy\",\"display_name\":\"Tienda Acme\","
        + "\"support_contact\":\"ayuda@acme.example\",\"steps\":[" + HostedFlowIT.email(null) + ","
        + HostedFlowIT.document(null) + "," + HostedFlowIT.FACE + "]}");
    openLink(mintToken(flowId), null);
    waitFor(By.id("welcome"));
    audit("welcome (data authorization)", true);
    click("consent:accept");
    waitForNotice("authorization_required");
    audit("welcome: box not ticked", false);
    click("consent:authorize");
    click("consent:accept");
    waitForTitle("Verify your e-mail");
    audit("e-mail step", true);
    type("send:destination", address);
    click("send:send-code");
    waitForNotice("code_sent");
    audit("e-mail step: code sent", false);
    String code = mailedCode(address);
    type("verify:code", code.equals("000000") ? "111111" : "000000");
    click("verify:verify-code");
    waitForNotice("wrong_verification_code");
    audit("e-mail step: wrong code, attempts left", false);
    type("verify:code", code);
    click("verify:verify-code");
    waitForTitle("Photograph your document");
    audit("document step", true);
    click("document:front-camera");
    waitFor(By.cssSelector("#document\\:front-camera-hint[data-hint]"));
    audit("document step: live camera", false);
    browser.navigate().refresh();
    waitForTitle("Photograph your document");
    new Select(browser.findElement(By.id("document:country"))).selectByValue("CO");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("national-id");
    upload("document:front", images.front());
    upload("document:back", images.back("19880621"));
    click("document:upload-document");
    waitForTitle("Take a selfie");
    audit("face step", true);
    click("cancel-open");
    audit("face step: cancel open", false);
    click("cancel:confirm-cancel");
    waitFor(By.id("outcome"));
    audit("finished: canceled", true);

    // A success and a decline.
    openLink(mintToken(createFlow(HostedFlowIT.flow("Audit success", HostedFlowIT.document(null)))), null);
    new Select(browser.findElement(By.id("document:country"))).selectByValue("CO");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("national-id");
    upload("document:front", images.front());
    upload("document:back", images.back("19880621"));
    click("document:upload-document");
    assertEquals("success", waitFor(By.id("outcome")).getAttribute("data-status"));
    audit("finished: success", true);
    openLink(mintToken(createFlow(HostedFlowIT.flow("Audit declined", HostedFlowIT.document("\"minimum_age\":18")))), null);
    new Select(browser.findElement(By.id("document:country"))).selectByValue("CO");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("national-id");
    upload("document:front", images.front());
    upload("document:back", images.back("20150101"));
    click("document:upload-document");
    assertEquals("failure", waitFor(By.id("outcome")).getAttribute("data-status"));
    audit("finished: declined", true);

    // A desktop: the offer to continue on the phone, and the QR code page.
    WebDriver phone = browser;
    browser = otherBrowser("en", Device.DESKTOP);
    throttle(browser);
    openLink(mintToken(createFlow(HostedFlowIT.flow("Audit desktop", HostedFlowIT.email(null)))), null);
    waitFor(By.id("handoff-offer"));
    audit("desktop: e-mail step with the phone offer", true);
    click("handoff-start:continue-on-phone");
    waitFor(By.id("handoff-qr"));
    audit("desktop: continue on your phone (QR code)", true);
    browser = phone;

    List<String> blocking = new ArrayList<>();
    AUDIT.forEach((page, violations) -> violations.stream()
        .filter(v -> BLOCKING.stream().anyMatch(v::contains)).forEach(v -> blocking.add(page + ": " + v)));
    assertEquals(List.of(), blocking, "serious or critical accessibility violations (target/accessibility.md)");
    WEIGHTS.forEach((page, w) -> assertTrue(w.total() < BUDGET, page + " weighs " + w.total() + " bytes before images"));
    assertTrue(WEIGHTS.size() >= 8, "every step page weighed: " + WEIGHTS.keySet());
  }

  /** Chrome's emulated 3G for this browser, with the cache off so every page is counted whole. */
  static void throttle(WebDriver driver) {
    ChromeDriver chrome = (ChromeDriver) driver;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
        "offline", false, "latency", 150, "downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
  }

  /** Runs axe-core on the current page and, for a step page, records its weight and timing. */
  void audit(String page, boolean weigh) throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    if (weigh) {
      WEIGHTS.put(page, weight(js));
    }
    if (axeSource == null) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("axe.min.js")) {
        assertNotNull(in, "axe.min.js (com.deque.html.axe-core:selenium) is not on the test classpath");
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    js.executeScript(axeSource);
    browser.manage().timeouts().scriptTimeout(WAIT);
    String json = (String) js.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(document, { resultTypes: ['violations'] })"
            + ".then(function (r) { done(JSON.stringify(r.violations)); })"
            + ".catch(function (e) { done('ERROR ' + e); });");
    assertTrue(json.startsWith("["), page + ": " + json);
    List<String> found = new ArrayList<>();
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonArray violations = reader.readArray();
      for (JsonObject v : violations.getValuesAs(JsonObject.class)) {
        StringBuilder targets = new StringBuilder();
        v.getJsonArray("nodes").getValuesAs(JsonObject.class).stream().limit(3)
            .forEach(n -> targets.append(' ').append(n.getJsonArray("target")));
        found.add(v.getString("id") + " (" + (v.isNull("impact") ? "none" : v.getString("impact")) + ", "
            + v.getJsonArray("nodes").size() + " nodes:" + targets + ")");
      }
    }
    AUDIT.put(page, found);
    screenshot(page.replaceAll("[^A-Za-z0-9]+", "-"));
  }

  /** HTML, CSS and script transferred for the current page (images apart), from Resource Timing. */
  static Weight weight(JavascriptExecutor js) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) js.executeScript(
        "var nav = performance.getEntriesByType('navigation')[0];"
            + "var out = { html: nav.transferSize, css: 0, js: 0,"
            + "  interactive: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) };"
            + "performance.getEntriesByType('resource').forEach(function (r) {"
            + "  if (/\\.css(\\.xhtml)?(\\?|$)/.test(r.name)) { out.css += r.transferSize; }"
            + "  else if (/\\.js(\\.xhtml)?(\\?|$)/.test(r.name)) { out.js += r.transferSize; }"
            + "});"
            + "return out;");
    return new Weight(num(m.get("html")), num(m.get("css")), num(m.get("js")), num(m.get("interactive")), num(m.get("load")));
  }

  static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  @AfterAll
  static void writeReports() throws IOException {
    if (AUDIT.isEmpty()) {
      return;
    }
    StringBuilder a = new StringBuilder("# Accessibility audit of the hosted pages (axe-core, 360 px phone)\n\n"
        + "Generated by `HostedPagesAuditIT`. Serious or critical violations fail the build.\n\n"
        + "| Page | Violations (rule, impact, nodes) |\n|---|---|\n");
    AUDIT.forEach((page, v) -> a.append("| ").append(page).append(" | ")
        .append(v.isEmpty() ? "none" : String.join("; ", v).replace("|", "\\|")).append(" |\n"));
    Files.writeString(server.buildDir.resolve("accessibility.md"), a.toString());

    StringBuilder w = new StringBuilder("# Page weight of the hosted step pages\n\n"
        + "Generated by `HostedPagesAuditIT`: bytes transferred (headers included, cache off) for HTML, CSS and "
        + "script, images apart; times from navigation start on Chrome's emulated 3G (1.6 Mbps down, "
        + "750 kbps up, 150 ms round trip). Interactive = `DOMContentLoaded` handled (the scripts have run). "
        + "Budget: " + BUDGET / 1024 + " KB per page.\n\n"
        + "| Page | HTML | CSS | JS | Total | Interactive | Load |\n|---|---:|---:|---:|---:|---:|---:|\n");
    WEIGHTS.forEach((page, x) -> w.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | **%,d** | %d ms | %d ms |%n",
        page, x.html(), x.css(), x.js(), x.total(), x.interactiveMs(), x.loadMs())));
    Files.writeString(server.buildDir.resolve("page-weight.md"), w.toString());
  }
}
