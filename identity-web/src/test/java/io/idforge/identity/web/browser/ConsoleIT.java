package io.idforge.identity.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.fixtures.SyntheticDocuments;
import io.idforge.identity.web.it.HostedUser;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in headless Chromium at 1280 px, on the shared IT server: the first
 * operator from the one-time link printed at start, invitations of a tenant's admin, reviewer and
 * auditor (and another tenant's admin), sign-in and lock-out, process search and detail with the
 * timeline, roles refused by URL, tenant isolation by URL, and the audit trail: the chain verifies,
 * and a row altered through JDBC is reported. Screenshots under
 * {@code target/browser-screenshots/<test>/}. The tests run in order: the first sets up the users.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT extends BrowserSupport {

  static final String PASSWORD = "correct horse battery staple";
  static final Pattern SETUP_LINK = Pattern.compile("/admin/setup\\.xhtml\\?token=([0-9a-f]{64})");

  /** Tenant B: another tenant whose admin must see nothing of tenant A (this class's tenant). */
  static String clientB;
  /** A pending process of tenant A. */
  static String processA;

  // --- the browser at desktop width --------------------------------------------------------------

  WebDriver desktop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    profile = Files.createTempDirectory(server.buildDir, "chromium-profile-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en", "--accept-lang=en");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
    return browser;
  }

  void open(String path) {
    browser.get(server.baseUri + path);
  }

  void signIn(String user, String password) {
    open("/admin/login.xhtml");
    waitFor(By.id("login:username"));
    type("login:username", user);
    type("login:password", password);
    click("login:submit");
  }

  void signInOk(String user) {
    signIn(user, PASSWORD);
    waitFor(By.id("signout:signout-button"));
    assertEquals(user, text("who"));
  }

  void signOut() {
    // From any page, also the 403 error page, which has no console header.
    open("/admin/index.xhtml");
    waitFor(By.id("signout:signout-button")).click();
    waitFor(By.id("signed-out"));
  }

  /** Chooses the password behind a one-time link. */
  void setPassword(String link, String expectedUser) {
    browser.get(link);
    waitFor(By.id("setup:password"));
    assertEquals(expectedUser, text("setup-user"));
    type("setup:password", PASSWORD);
    type("setup:repeat", PASSWORD);
    click("setup:save");
    waitFor(By.id("ready"));
  }

  String invite(String user, String... roles) {
    open("/admin/users.xhtml");
    waitFor(By.id("invite:username"));
    type("invite:username", user);
    for (String role : roles) {
      click("invite:role-" + role);
    }
    click("invite:invite-button");
    return waitFor(By.id("invite-link")).getText();
  }

  void chooseTenant(String clientId) {
    open("/admin/index.xhtml");
    type("choose:tenant", clientId);
    click("choose:choose-button");
    patiently().until(d -> d.findElements(By.id("signout:tenant")).stream().anyMatch(e -> e.getText().contains(clientId)));
  }

  boolean refused() {
    // web.xml's role constraint answers 403 with the friendly error page.
    return !browser.findElements(By.id("error")).isEmpty();
  }

  /** The session cookie of the browser, to read what a page links to (CSV) over plain HTTP. */
  HttpResponse<String> fetchWithSession(String path) throws Exception {
    Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    assertNotNull(session, "no session cookie");
    return HTTP.send(HttpRequest.newBuilder(server.baseUri.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  // --- the scenarios -----------------------------------------------------------------------------

  @Test
  @Order(1)
  void firstOperatorFromTheSetupLinkInvitesTenantUsers() throws Exception {
    // Printed once per database: by the first start, also when a retried start came up.
    StringBuilder log = new StringBuilder();
    for (java.nio.file.Path started : server.startLogs()) {
      log.append(Files.readString(started, StandardCharsets.UTF_8));
    }
    Matcher m = SETUP_LINK.matcher(log);
    assertTrue(m.find(), "the first start prints the operator's one-time setup link");
    desktop();
    String link = server.baseUri + "/admin/setup.xhtml?token=" + m.group(1);
    browser.get(link);
    waitFor(By.id("setup:password"));
    screenshot("setup");
    setPassword(link, "operator");
    // The link is spent.
    browser.get(link);
    waitFor(By.id("invalid"));

    signIn("operator", PASSWORD);
    waitFor(By.id("signout:signout-button"));
    screenshot("dashboard-operator");

    chooseTenant(clientId);
    String admin = invite("a-admin", "admin");
    screenshot("users-invited");
    String reviewer = invite("a-reviewer", "reviewer");
    String auditor = invite("a-auditor", "auditor");
    String locked = invite("a-locked", "reviewer");
    List<String> names = browser.findElements(By.className("user-name")).stream().map(WebElement::getText).toList();
    assertTrue(names.containsAll(List.of("a-admin", "a-reviewer", "a-auditor", "a-locked")), names::toString);

    clientB = json(send(HttpRequest.newBuilder(server.baseUri.resolve("/v1/admin/clients"))
        .header("Identity-Admin-Key", server.adminKey)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form("name", "console-b"))), 201)).getString("client_id");
    chooseTenant(clientB);
    String adminB = invite("b-admin", "admin");
    // Tenant B's users page lists B's users only.
    List<String> namesB = browser.findElements(By.className("user-name")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("b-admin"), namesB);
    signOut();

    setPassword(admin, "a-admin");
    setPassword(reviewer, "a-reviewer");
    setPassword(auditor, "a-auditor");
    setPassword(locked, "a-locked");
    setPassword(adminB, "b-admin");
  }

  @Test
  @Order(2)
  void signInPageAndLockOutAfterFiveFailures() throws Exception {
    desktop();
    open("/admin/login.xhtml");
    waitFor(By.id("login:username"));
    screenshot("sign-in");
    for (int i = 0; i < 5; i++) {
      signIn("a-locked", "wrong password " + i);
      waitFor(By.cssSelector("#messages li"));
    }
    screenshot("sign-in-failed");
    // Locked: even the right password is refused now.
    signIn("a-locked", PASSWORD);
    waitFor(By.cssSelector("#messages li"));
    assertTrue(browser.findElements(By.id("signout:signout-button")).isEmpty(), "a locked account must not sign in");
    // Others are not affected.
    signInOk("a-reviewer");
    signOut();
    // After signing out, the console needs a new sign-in.
    open("/admin/index.xhtml");
    waitFor(By.id("login:username"));
  }

  @Test
  @Order(3)
  void searchAndDetailWithTimeline() throws Exception {
    String flowId = createFlow("{\"name\":\"Console\",\"time_to_live\":60,\"steps\":[{\"type\":\"email-verification\"}]}");
    String token = mintToken(flowId, "account_id", "console-acc-1");
    HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(server.baseUri.resolve("/v1/processes"))
        .header("Truora-API-Key", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, opened.statusCode(), opened::body);
    processA = json(opened.body()).getString("process_id");

    desktop();
    signInOk("a-admin");
    open("/admin/processes.xhtml?status=pending&account=console-acc");
    waitFor(By.id("results"));
    screenshot("search");
    List<String> ids = browser.findElements(By.className("process-link")).stream().map(WebElement::getText).toList();
    assertEquals(List.of(processA), ids);
    // A filter that excludes it.
    open("/admin/processes.xhtml?status=success&account=console-acc");
    waitFor(By.id("results"));
    assertTrue(browser.findElements(By.className("process-link")).isEmpty());

    open("/admin/process.xhtml?id=" + processA);
    waitFor(By.id("timeline"));
    screenshot("detail");
    assertEquals(processA, text("process-id"));
    assertEquals("pending", text("process-status"));
    List<String> actions = browser.findElements(By.cssSelector("#timeline .action")).stream().map(WebElement::getText).toList();
    assertTrue(actions.contains("created"), actions::toString);
    assertEquals(1, browser.findElements(By.id("validations")).size());
    assertTrue(text("start-data").isEmpty() || text("start-data").startsWith("{"), text("start-data"));
    assertEquals("none", browser.findElement(By.id("consent-status")).getAttribute("data-status"), "this flow asks none");

    // A flow with a privacy notice: the user's authorization as recorded, for the operator.
    String consentFlow = createFlow("{\"name\":\"Console consent\",\"time_to_live\":60,"
        + "\"privacy_notice_url\":\"https://acme.example/privacy\",\"steps\":[{\"type\":\"email-verification\"}]}");
    HostedUser user = new HostedUser(server.baseUri.resolve("/"));
    String consented = user.open(mintToken(consentFlow, "account_id", "console-acc-2"));
    user.giveConsent();
    open("/admin/process.xhtml?id=" + consented);
    waitFor(By.id("consent"));
    screenshot("detail-consent");
    assertEquals("given", browser.findElement(By.id("consent-status")).getAttribute("data-status"));
    assertEquals("1/en", text("consent-version"));
    assertTrue(text("consent-user-agent").startsWith("Java-http-client"), text("consent-user-agent"));
    assertFalse(text("consent-ip").isBlank());
    assertFalse(text("consent-at").isBlank());
    JsonObject recorded = json(send(api("/v1/processes/" + consented + "/result").GET(), 200)).getJsonObject("consent");
    assertEquals("given", recorded.getString("status"));
    assertEquals(recorded.getString("ip_address"), text("consent-ip"), "the console shows what the result says");
  }

  @Test
  @Order(4)
  void tenantBSeesNothingOfTenantAByUrl() throws Exception {
    desktop();
    signInOk("b-admin");
    open("/admin/process.xhtml?id=" + processA);
    waitFor(By.id("not-found"));
    assertTrue(browser.findElements(By.id("timeline")).isEmpty());
    screenshot("foreign-process");
    open("/admin/processes.xhtml?account=console-acc");
    waitFor(By.id("results"));
    assertTrue(browser.findElements(By.className("process-link")).isEmpty(), "tenant A's process in B's search");
    // B's audit view holds none of A's entries.
    open("/admin/audit.xhtml");
    waitFor(By.id("entries"));
    List<String> actors = browser.findElements(By.cssSelector("#entries .actor")).stream().map(WebElement::getText).toList();
    assertFalse(actors.isEmpty());
    assertFalse(actors.stream().anyMatch(a -> a.startsWith("a-")), actors::toString);
    // Images of A's process through B's session: not found.
    HttpResponse<String> image = fetchWithSession("/admin/image?process=" + processA + "&media=x");
    assertEquals(404, image.statusCode());
  }

  @Test
  @Order(5)
  void rolesAreEnforcedByUrl() throws Exception {
    desktop();
    signInOk("a-reviewer");
    assertTrue(browser.findElements(By.id("nav-users")).isEmpty(), "reviewers get no users link");
    open("/admin/users.xhtml");
    waitFor(By.tagName("body"));
    assertTrue(refused(), "a reviewer must not open the users page");
    assertTrue(browser.findElements(By.id("invite:username")).isEmpty());
    open("/admin/audit.xhtml");
    assertTrue(refused(), "a reviewer must not open the audit trail");
    assertEquals(403, fetchWithSession("/admin/audit.csv").statusCode());
    assertEquals(403, fetchWithSession("/admin/users.xhtml").statusCode());
    open("/admin/keys.xhtml");
    assertTrue(refused(), "a reviewer must not open the keys page");
    assertEquals(403, fetchWithSession("/admin/keys.xhtml").statusCode());
    for (String page : List.of("flows", "flow", "flow-edit", "tokens", "tenants")) {
      assertEquals(403, fetchWithSession("/admin/" + page + ".xhtml").statusCode(), page);
    }
    open("/admin/flows.xhtml");
    assertTrue(refused(), "a reviewer must not open the flows page");
    assertTrue(browser.findElements(By.id("nav-flows")).isEmpty() && browser.findElements(By.id("nav-tokens")).isEmpty());
    signOut();

    signInOk("a-auditor");
    open("/admin/users.xhtml");
    assertTrue(refused(), "an auditor must not manage users");
    open("/admin/queue.xhtml");
    assertTrue(refused(), "an auditor must not open the review queue");
    assertEquals(403, fetchWithSession("/admin/image?process=" + processA + "&media=x").statusCode());
    // Read-only pages work.
    open("/admin/process.xhtml?id=" + processA);
    waitFor(By.id("timeline"));
    // Flows: read, never edit; no web tokens, no tenants.
    open("/admin/flows.xhtml");
    waitFor(By.id("flow-table"));
    assertTrue(browser.findElements(By.id("new-flow")).isEmpty(), "an auditor gets no new-flow link");
    assertEquals(403, fetchWithSession("/admin/flow-edit.xhtml").statusCode());
    open("/admin/flow-edit.xhtml");
    assertTrue(refused(), "an auditor must not edit flows");
    assertEquals(403, fetchWithSession("/admin/tokens.xhtml").statusCode());
    assertEquals(403, fetchWithSession("/admin/tenants.xhtml").statusCode());
    signOut();
    // A tenant's admin manages its own tenant, not the tenants.
    signInOk("a-admin");
    assertEquals(403, fetchWithSession("/admin/tenants.xhtml").statusCode());
    assertTrue(browser.findElements(By.id("nav-tenants")).isEmpty());
  }

  @Test
  @Order(6)
  void reviewDecidedInTheConsoleFinishesTheProcessAndAnAdminOverrides() throws Exception {
    String flowId = createFlow("{\"name\":\"Console review\",\"time_to_live\":60,\"steps\":[{\"type\":\"document-validation\","
        + "\"config\":{\"allowed_document_types\":[{\"country\":\"CO\",\"document_types\":[\"national-id\"]}],"
        + "\"manual_review\":\"enabled\"}}]}");
    HostedUser user = new HostedUser(server.baseUri.resolve("/"));
    String processId = user.open(mintToken(flowId));
    // A centenarian's cédula: age_above_threshold, which this flow sends to review.
    user.submitDocument("CO", "national-id", png(SyntheticDocuments.front(false)), png(SyntheticDocuments.reverse("19000101")));

    desktop();
    signInOk("a-reviewer");
    WebElement link = patiently(Duration.ofSeconds(90)).until(d -> {
      d.get(server.baseUri + "/admin/queue.xhtml");
      return d.findElements(By.cssSelector("#queue tr.task")).stream()
          .filter(r -> r.getText().contains(processId))
          .map(r -> r.findElement(By.className("review-link"))).findFirst().orElse(null);
    });
    screenshot("queue");
    link.click();
    waitFor(By.id("review-id"));
    assertEquals("age_above_threshold", text("review-reason"));
    List<WebElement> images = browser.findElements(By.cssSelector(".images img.upload"));
    assertEquals(2, images.size(), "document front and back");
    patiently().until(d -> images.stream().allMatch(i ->
        ((Number) ((ChromeDriver) d).executeScript("return arguments[0].naturalWidth", i)).intValue() > 0));
    click("claim:claim-button");
    patiently().until(d -> "a-reviewer".equals(d.findElement(By.id("claimed-by")).getText()));
    screenshot("review");
    click("decide:decision:1");
    new Select(browser.findElement(By.id("decide:reason"))).selectByValue("age_above_threshold");
    type("decide:note", "Date of birth checked against the document");
    click("decide:decide-button");
    waitFor(By.id("process-status"));
    assertEquals(processId, text("process-id"));
    assertEquals("failure", text("process-status"));
    // The API reports what the console decided.
    JsonObject result = result(processId);
    assertEquals("failure", result.getString("status"));
    assertEquals("declined", result.getString("failure_status"));
    assertEquals("age_above_threshold", result.getString("declined_reason"));
    // Reviewers cannot override.
    assertTrue(browser.findElements(By.id("override:override-button")).isEmpty());
    // The document number read from the cédula finds the process (typed with separators), posted,
    // never in the URL; another number finds nothing.
    open("/admin/processes.xhtml");
    type("by-document:document", "1.020.304.050");
    click("by-document:document-button");
    patiently().until(d -> d.findElements(By.className("process-link")).stream().anyMatch(e -> e.getText().equals(processId)));
    assertFalse(browser.getCurrentUrl().contains("1020304050"));
    assertEquals(SyntheticDocuments.NUMBER, "1020304050");
    type("by-document:document", "9999999999");
    click("by-document:document-button");
    patiently().until(d -> d.findElements(By.className("process-link")).isEmpty());
    signOut();

    // An auditor cannot reach the review page, let alone decide.
    signInOk("a-auditor");
    open("/admin/review.xhtml?id=REV" + "0".repeat(32));
    assertTrue(refused(), "an auditor must not open a review");
    signOut();

    signInOk("a-admin");
    open("/admin/process.xhtml?id=" + processId);
    waitFor(By.id("override:override-button"));
    new Select(browser.findElement(By.id("override:status"))).selectByValue("success");
    new Select(browser.findElement(By.id("override:reason"))).selectByValue("regular_client");
    type("override:note", "Known customer");
    click("override:override-button");
    patiently().until(d -> d.findElement(By.id("override-history")).getText().contains("regular_client"));
    screenshot("override");
    JsonObject overridden = result(processId);
    assertTrue(overridden.toString().contains("regular_client"), overridden::toString);
  }

  static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  @Order(7)
  void auditTrailVerifiesAndDetectsAnAlteredRow() throws Exception {
    desktop();
    signInOk("a-auditor");
    open("/admin/audit.xhtml");
    waitFor(By.id("entries"));
    List<String> actions = browser.findElements(By.cssSelector("#entries .action")).stream().map(WebElement::getText).toList();
    assertTrue(actions.containsAll(List.of("sign_in", "sign_in_failed", "user_locked", "user_invited", "password_set",
            "image_view", "review_claimed", "review_decided", "process_overridden")),
        actions::toString);
    click("verify:verify-button");
    waitFor(By.id("verify:chain-ok"));
    screenshot("audit");

    HttpResponse<String> csv = fetchWithSession("/admin/audit.csv?action=user_invited");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertTrue(lines[0].startsWith("id,occurred_at,actor,client_id"), lines[0]);
    assertTrue(lines.length >= 5, "four invitations of tenant A: " + csv.body());
    assertTrue(csv.body().contains("\"a-locked\""));

    // Alter one entry behind the application's back: verification names it.
    long id;
    String original;
    try (Connection db = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres")) {
      try (PreparedStatement q = db.prepareStatement(
          "SELECT id, summary FROM audit_entry WHERE action = 'user_invited' AND target = 'a-auditor'")) {
        ResultSet rs = q.executeQuery();
        assertTrue(rs.next());
        id = rs.getLong(1);
        original = rs.getString(2);
      }
      update(db, id, "before: none; after: roles admin");
      try {
        click("verify:verify-button");
        WebElement broken = waitFor(By.id("verify:chain-broken"));
        assertTrue(broken.getText().endsWith(" " + id), broken.getText());
        screenshot("audit-broken");
      } finally {
        update(db, id, original);
      }
    }
    click("verify:verify-button");
    waitFor(By.id("verify:chain-ok"));
  }

  @Test
  @Order(8)
  void consoleHeadersAndTheApiUnaffected() throws Exception {
    HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(server.baseUri.resolve("/admin/login.xhtml")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, login.statusCode());
    String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-referrer", login.headers().firstValue("Referrer-Policy").orElse(""));
    List<String> cookies = login.headers().allValues("Set-Cookie");
    assertFalse(cookies.isEmpty(), "the sign-in form starts a session");
    assertTrue(cookies.stream().allMatch(c -> c.contains("HttpOnly") && c.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax")),
        cookies::toString);
    // Plain-HTTP server: no HSTS.
    assertTrue(login.headers().firstValue("Strict-Transport-Security").isEmpty());

    HttpResponse<String> protectedPage = HTTP.send(
        HttpRequest.newBuilder(server.baseUri.resolve("/admin/audit.xhtml")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, protectedPage.statusCode());
    // The sign-in page brings the user back to the page afterwards.
    assertTrue(protectedPage.headers().firstValue("Location").orElse("").endsWith("/admin/login.xhtml?back=%2Fadmin%2Faudit.xhtml"),
        protectedPage.headers().firstValue("Location")::toString);

    // The REST API keeps its own authentication.
    assertEquals(200, HTTP.send(api("/v1/processes").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    HttpResponse<String> noKey = HTTP.send(HttpRequest.newBuilder(server.baseUri.resolve("/v1/processes")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, noKey.statusCode());
    assertEquals("{\"message\":\"Unauthorized\"}", noKey.body());
  }

  @Test
  @Order(9)
  void anAdminCreatesABackendKeyShownOnceAndRevokesIt() throws Exception {
    desktop();
    signInOk("a-admin");
    open("/admin/keys.xhtml");
    type("create:name", "console-made");
    click("create:create-button");
    String key = waitFor(By.id("created-key")).getText();
    screenshot("keys");
    HttpRequest.Builder withKey = HttpRequest.newBuilder(server.baseUri.resolve("/v1/processes")).header("Truora-API-Key", key);
    assertEquals(200, HTTP.send(withKey.GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    // Shown once: a new view of the page has no key on it.
    open("/admin/keys.xhtml");
    waitFor(By.id("key-table"));
    assertTrue(browser.findElements(By.id("created-key")).isEmpty());
    assertFalse(browser.getPageSource().contains(key));
    WebElement row = browser.findElements(By.cssSelector("#key-table tr.key")).stream()
        .filter(r -> r.findElement(By.className("key-name")).getText().equals("console-made")).findFirst().orElseThrow();
    row.findElement(By.className("revoke")).click();
    patiently().until(d -> d.findElements(By.cssSelector("#key-table tr.key")).stream()
        .anyMatch(r -> r.getText().contains("console-made") && !r.findElement(By.className("key-revoked")).getText().isBlank()));
    assertEquals(401, HTTP.send(withKey.GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  @Order(10)
  void aDisabledUserCannotSignIn() throws Exception {
    desktop();
    signInOk("a-admin");
    open("/admin/users.xhtml");
    WebElement row = waitFor(By.id("user-table")).findElements(By.tagName("tr")).stream()
        .filter(r -> r.findElements(By.className("user-name")).stream().anyMatch(n -> n.getText().equals("a-reviewer")))
        .findFirst().orElseThrow();
    row.findElement(By.className("disable")).click();
    patiently().until(d -> d.findElements(By.cssSelector("#user-table tr")).stream()
        .anyMatch(r -> r.getText().startsWith("a-reviewer") && r.findElements(By.className("disable")).isEmpty()));
    signOut();
    signIn("a-reviewer", PASSWORD);
    waitFor(By.cssSelector("#messages li"));
    assertTrue(browser.findElements(By.id("signout:signout-button")).isEmpty(), "a disabled user must not sign in");
  }

  // --- issue 10: dashboard, flows, web tokens, tenants, sign-in hardening -------------------------

  /** A request with another tenant's backend key. */
  static HttpRequest.Builder apiAs(String key, String path) {
    return HttpRequest.newBuilder(server.baseUri.resolve(path)).timeout(Duration.ofSeconds(60)).header("Truora-API-Key", key);
  }

  static HttpResponse<String> postForm(String key, String path, String... pairs) throws Exception {
    return HTTP.send(apiAs(key, path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(pairs))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A token of tenant {@code key} for {@code flowId} and the id of the process it opened. */
  static String[] openedProcess(String key, String flowId, String account) throws Exception {
    HttpResponse<String> minted = postForm(key, "/v1/api-keys", "key_type", "web", "grant", "digital-identity",
        "api_key_version", "1", "country", "ALL", "redirect_url", redirectUrl(), "flow_id", flowId, "account_id", account);
    assertEquals(200, minted.statusCode(), minted::body);
    String token = json(minted.body()).getString("api_key");
    HttpResponse<String> opened = HTTP.send(apiAs(token, "/v1/processes").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, opened.statusCode(), opened::body);
    return new String[] {token, json(opened.body()).getString("process_id")};
  }

  @Test
  @Order(11)
  void theDashboardCountsWhatTheTestCreated() throws Exception {
    // A tenant of its own, so every figure is known: 2 succeeded, 3 declined "canceled", 1 pending.
    JsonObject d = json(send(HttpRequest.newBuilder(server.baseUri.resolve("/v1/admin/clients"))
        .header("Identity-Admin-Key", server.adminKey).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form("name", "console-dashboard"))), 201));
    String clientD = d.getString("client_id");
    String keyD = d.getString("api_key");
    HttpResponse<String> flow = HTTP.send(apiAs(keyD, "/v1/flows").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Dashboard flow\",\"time_to_live\":60,"
            + "\"steps\":[{\"type\":\"email-verification\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, flow.statusCode(), flow::body);
    String flowD = json(flow.body()).getString("flow_id");
    for (int i = 0; i < 2; i++) {
      String token = openedProcess(keyD, flowD, "dash-ok-" + i)[0];
      String address = "dash" + i + "." + System.nanoTime() + "@console.idforge.test";
      HttpResponse<String> created = postForm(token, "/v1/validations", "user_authorized", "true",
          "type", "email-verification", "email", address, "language", "en");
      assertEquals(200, created.statusCode(), created::body);
      String validationId = json(created.body()).getString("validation_id");
      HttpResponse<String> right = postForm(token, "/v1/validations/" + validationId,
          "type", "email-verification", "token", mailedCode(address));
      assertEquals("success", json(right.body()).getString("validation_status"), right::body);
    }
    for (int i = 0; i < 3; i++) {
      String processId = openedProcess(keyD, flowD, "dash-cancel-" + i)[1];
      assertEquals(200, HTTP.send(apiAs(keyD, "/v1/processes/" + processId).DELETE().build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
    }
    openedProcess(keyD, flowD, "dash-pending");

    desktop();
    signInOk("operator");
    chooseTenant(clientD);
    open("/admin/index.xhtml");
    waitFor(By.id("per-day-chart"));
    screenshot("dashboard");
    assertEquals("6", text("total"));
    assertEquals("2", text("count-success"));
    assertEquals("3", text("count-failure"));
    assertEquals("1", text("count-pending"));
    List<WebElement> declined = browser.findElements(By.cssSelector("#declined tr.reason"));
    assertEquals("canceled", declined.get(0).findElement(By.className("reason-code")).getAttribute("textContent"));
    assertEquals("3", declined.get(0).findElement(By.className("reason-count")).getAttribute("textContent"));
    assertTrue(browser.findElements(By.cssSelector("#expired tr.reason")).isEmpty());
    // The funnel of the flow's one step: 6 reached it, 2 passed.
    assertTrue(text("funnel-flow").contains(flowD), text("funnel-flow"));
    WebElement step = browser.findElement(By.cssSelector("#funnel tr.funnel-step"));
    assertEquals("email-verification", step.findElement(By.className("step-type")).getText());
    assertEquals("6", step.findElement(By.className("reached")).getText());
    assertEquals("2", step.findElement(By.className("passed")).getText());
    // Five finished processes, so a median time exists.
    assertFalse(text("median").equals("—"), text("median"));
    assertEquals("0", text("open-reviews"));
    // The chart: one bar per status of today (the three counts), with a text alternative.
    WebElement chart = browser.findElement(By.id("per-day-chart"));
    assertEquals(3, chart.findElements(By.tagName("rect")).size());
    String desc = browser.findElement(By.id("chart-desc")).getAttribute("textContent");
    assertTrue(desc.contains("6") && desc.contains("2") && desc.contains("3"), desc);
    // The same numbers in the table: today's row.
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertTrue(browser.findElement(By.id("per-day")).getAttribute("textContent").contains(today));
    // A range before the processes existed: zeros; a reversed one: a message, no figures.
    open("/admin/index.xhtml?from=2020-01-01&to=2020-01-31");
    waitFor(By.id("per-day-chart"));
    assertEquals("0", text("total"));
    assertEquals(31, browser.findElements(By.cssSelector("#per-day tr.day")).size());
    open("/admin/index.xhtml?from=2026-02-01&to=2026-01-01");
    waitFor(By.cssSelector("#messages li"));
    assertTrue(browser.findElements(By.id("per-day-chart")).isEmpty());
    open("/admin/index.xhtml?from=yesterday");
    waitFor(By.cssSelector("#messages li"));
    signOut();

    // Tenant A's admin: none of D's processes, and D's flow by URL is not found.
    signInOk("a-admin");
    open("/admin/index.xhtml?flow=" + flowD);
    waitFor(By.cssSelector("#messages li"));
    assertTrue(browser.findElements(By.id("funnel")).isEmpty());
    open("/admin/flow.xhtml?id=" + flowD);
    waitFor(By.id("not-found"));
    assertEquals(404, fetchWithSession("/admin/flow.xhtml?id=" + flowD).statusCode());
    open("/admin/flow-edit.xhtml?id=" + flowD);
    waitFor(By.cssSelector("#messages li"));
    assertFalse(browser.getPageSource().contains("Dashboard flow"));
    open("/admin/index.xhtml");
    waitFor(By.id("total"));
    assertFalse(text("total").equals("6") && text("count-failure").equals("3") && text("count-success").equals("2"),
        "tenant A's dashboard shows tenant D's figures");
  }

  @Test
  @Order(12)
  void anAdminCreatesEditsAndDisablesAFlowWithTheApisRules() throws Exception {
    desktop();
    signInOk("a-admin");
    open("/admin/flows.xhtml");
    waitFor(By.id("new-flow")).click();
    waitFor(By.id("flow:name"));
    type("flow:name", "Console-made flow");
    type("flow:ttl", "abc");
    click("flow:save");
    // The API's own message, next to the field.
    patiently().until(d -> d.findElements(By.cssSelector(".field-error")).stream()
        .anyMatch(e -> e.getText().equals("Invalid request: time_to_live must be an integer")));
    screenshot("flow-error");
    browser.findElement(By.id("flow:ttl")).clear();
    type("flow:ttl", "30");
    // Add an e-mail step, move it first; give the document step a timeout the API refuses.
    new Select(browser.findElement(By.id("flow:new-type"))).selectByValue("email-verification");
    click("flow:add");
    waitFor(By.id("flow:steps:1:type"));
    click("flow:steps:1:up");
    patiently().until(d -> "email-verification".equals(
        new Select(d.findElement(By.id("flow:steps:0:type"))).getFirstSelectedOption().getAttribute("value")));
    assertEquals("30", browser.findElement(By.id("flow:ttl")).getAttribute("value"), "what was typed survives a move");
    type("flow:steps:1:timeout", "99999");
    type("flow:steps:1:documents", "CO: national-id");
    click("flow:save");
    patiently().until(d -> d.getPageSource().contains("steps[1].config.timeout must be between 1 and 21600 seconds"));
    browser.findElement(By.id("flow:steps:1:timeout")).clear();
    type("flow:steps:1:timeout", "600");
    screenshot("flow-edit");
    click("flow:save");
    waitFor(By.id("flow-id"));
    String flowId = text("flow-id");
    assertEquals("1", text("flow-version"));
    screenshot("flow");
    JsonObject viaApi = json(send(api("/v1/flows/" + flowId).GET(), 200));
    assertEquals(30, viaApi.getInt("time_to_live"));
    assertEquals("email-verification", viaApi.getJsonArray("steps").getJsonObject(0).getString("type"));
    JsonObject doc = viaApi.getJsonArray("steps").getJsonObject(1);
    assertEquals("document-validation", doc.getString("type"));
    assertEquals(600, doc.getJsonObject("config").getInt("timeout"));
    assertEquals("CO", doc.getJsonObject("config").getJsonArray("allowed_document_types").getJsonObject(0).getString("country"));

    // Edit: version 2; version 1 stays readable.
    click("edit-flow");
    waitFor(By.id("flow:ttl"));
    assertEquals("CO: national-id", browser.findElement(By.id("flow:steps:1:documents")).getAttribute("value"));
    browser.findElement(By.id("flow:ttl")).clear();
    type("flow:ttl", "45");
    // The iframe allowlist and a face step's liveness: the API's rule on an origin, shown at the box.
    type("flow:frame-ancestors", "http://shop.example.com");
    new Select(browser.findElement(By.id("flow:new-type"))).selectByValue("face-recognition");
    click("flow:add");
    waitFor(By.id("flow:steps:2:liveness-type"));
    new Select(browser.findElement(By.id("flow:steps:2:liveness-type"))).selectByValue("active");
    new Select(browser.findElement(By.id("flow:steps:2:liveness-fallback"))).selectByValue("decline");
    click("flow:save");
    patiently().until(d -> d.findElements(By.cssSelector(".field-error")).stream()
        .anyMatch(e -> e.getText().startsWith("Invalid request: allowed_frame_ancestors[0] must be an origin such as")));
    assertFalse(browser.findElements(By.xpath("//*[@id='flow:frame-ancestors']/following-sibling::*[contains(@class,'field-error')]"))
        .isEmpty(), "the message stands next to the allowlist");
    screenshot("flow-edit-frame-ancestors");
    browser.findElement(By.id("flow:frame-ancestors")).clear();
    type("flow:frame-ancestors", "https://Shop.example.com\nhttp://localhost:3000");
    assertEquals("active", new Select(browser.findElement(By.id("flow:steps:2:liveness-type"))).getFirstSelectedOption()
        .getAttribute("value"), "what was chosen survives a refused save");
    click("flow:save");
    patiently().until(d -> "2".equals(d.findElement(By.id("flow-version")).getText()));
    assertTrue(text("flow-frame-ancestors").contains("https://shop.example.com"), text("flow-frame-ancestors"));
    assertEquals("active / decline", browser.findElements(By.cssSelector("#flow-steps .step-liveness")).get(2).getText());
    JsonObject edited = json(send(api("/v1/flows/" + flowId).GET(), 200));
    assertEquals(List.of("https://shop.example.com", "http://localhost:3000"),
        edited.getJsonArray("allowed_frame_ancestors").getValuesAs(jakarta.json.JsonString::getString));
    JsonObject face = edited.getJsonArray("steps").getJsonObject(2);
    assertEquals("face-recognition", face.getString("type"));
    assertEquals("active", face.getJsonObject("config").getString("liveness_type"));
    assertEquals("decline", face.getJsonObject("config").getString("liveness_fallback"));
    // The form shows them again when the new version is edited.
    click("edit-flow");
    waitFor(By.id("flow:frame-ancestors"));
    assertEquals("https://shop.example.com\nhttp://localhost:3000", browser.findElement(By.id("flow:frame-ancestors")).getAttribute("value"));
    assertEquals("decline", new Select(browser.findElement(By.id("flow:steps:2:liveness-fallback"))).getFirstSelectedOption()
        .getAttribute("value"));
    open("/admin/flow.xhtml?id=" + flowId);
    waitFor(By.id("flow-version"));
    assertEquals(2, browser.findElements(By.cssSelector("#versions li.version")).size());
    open("/admin/flow.xhtml?id=" + flowId + "&version=1");
    waitFor(By.id("not-current"));
    assertEquals("30 min", text("flow-ttl"));
    assertTrue(browser.findElements(By.id("edit-flow")).isEmpty(), "an old version is read-only");

    // Disable: version 3, and the API says so.
    open("/admin/flow.xhtml?id=" + flowId);
    click("disable:disable-button");
    patiently().until(d -> "disabled".equals(d.findElement(By.id("flow-status")).getText()));
    assertEquals("3", text("flow-version"));
    JsonObject disabled = json(send(api("/v1/flows/" + flowId).GET(), 200));
    assertEquals("disabled", disabled.getString("status"));
    assertEquals(2, disabled.getJsonArray("allowed_frame_ancestors").size(), "disabling keeps the allowlist");
    open("/admin/flows.xhtml");
    waitFor(By.id("flow-table"));
    screenshot("flows");
    assertTrue(browser.findElements(By.cssSelector("#flow-table .flow-id")).stream().anyMatch(e -> e.getText().equals(flowId)));

    open("/admin/audit.xhtml?action=");
    waitFor(By.id("entries"));
    List<String> actions = browser.findElements(By.cssSelector("#entries .action")).stream().map(WebElement::getText).toList();
    assertTrue(actions.containsAll(List.of("flow_created", "flow_updated", "flow_disabled")), actions::toString);
  }

  @Test
  @Order(13)
  void anAdminListsWebTokensWithoutTheTokensAndRevokesOne() throws Exception {
    String flowId = createFlow("{\"name\":\"Tokens\",\"time_to_live\":60,\"steps\":[{\"type\":\"email-verification\"}]}");
    String unused = mintToken(flowId, "account_id", "console-tok-unused");
    String[] used = openedProcess(apiKey, flowId, "console-tok-used");
    desktop();
    signInOk("a-admin");
    open("/admin/tokens.xhtml");
    waitFor(By.id("token-table"));
    screenshot("tokens");
    assertFalse(browser.getPageSource().contains(unused) || browser.getPageSource().contains(used[0]),
        "a token itself on the page");
    WebElement usedRow = tokenRow("console-tok-used");
    assertEquals("used", usedRow.findElement(By.className("token-status")).getText());
    assertTrue(usedRow.getText().contains(used[1]), "the process it opened");
    WebElement row = tokenRow("console-tok-unused");
    assertEquals("active", row.findElement(By.className("token-status")).getText());
    row.findElement(By.className("revoke")).click();
    patiently().until(d -> "revoked".equals(tokenRow("console-tok-unused").findElement(By.className("token-status")).getText()));
    assertTrue(tokenRow("console-tok-unused").findElements(By.className("revoke")).isEmpty());
    // Revoked as through the API: the link no longer opens.
    HttpResponse<String> open = HTTP.send(apiAs(unused, "/v1/processes").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(403, open.statusCode(), open::body);
    open("/admin/audit.xhtml");
    waitFor(By.id("entries"));
    assertTrue(browser.findElements(By.cssSelector("#entries .action")).stream().anyMatch(e -> e.getText().equals("web_token_revoked")));
  }

  WebElement tokenRow(String account) {
    return browser.findElements(By.cssSelector("#token-table tr.token")).stream()
        .filter(r -> r.findElement(By.className("token-account")).getText().equals(account)).findFirst()
        .orElseThrow(() -> new AssertionError("no token of " + account));
  }

  @Test
  @Order(14)
  void theOperatorCreatesATenantWithItsFirstAdmin() throws Exception {
    desktop();
    signInOk("operator");
    open("/admin/tenants.xhtml");
    waitFor(By.id("tenant-table"));
    type("create:name", "Console C");
    type("create:admin", "c-admin");
    click("create:create-button");
    String link = waitFor(By.id("admin-link")).getText();
    String key = text("created-key");
    String clientC = text("created-client");
    screenshot("tenants");
    WebElement row = browser.findElements(By.cssSelector("#tenant-table tr.tenant")).stream()
        .filter(r -> r.findElement(By.className("tenant-id")).getText().equals(clientC)).findFirst().orElseThrow();
    assertEquals("c-admin", row.findElement(By.className("tenant-admins")).getText());
    assertTrue(browser.findElements(By.cssSelector("#tenant-table .tenant-id")).stream().anyMatch(e -> e.getText().equals(clientId)));
    assertEquals(200, HTTP.send(apiAs(key, "/v1/processes").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    // A taken admin name refuses the whole tenant.
    int before = browser.findElements(By.cssSelector("#tenant-table tr.tenant")).size();
    type("create:name", "Console D");
    type("create:admin", "c-admin");
    click("create:create-button");
    waitFor(By.cssSelector("#messages li"));
    assertEquals(before, browser.findElements(By.cssSelector("#tenant-table tr.tenant")).size());
    signOut();
    setPassword(link, "c-admin");
    signInOk("c-admin");
    assertTrue(text("signout:tenant").contains(clientC));
  }

  @Test
  @Order(15)
  void anExpiredSessionSendsToTheSignInPageAndBack() throws Exception {
    desktop();
    signInOk("a-admin");
    open("/admin/keys.xhtml");
    waitFor(By.id("create:name"));
    // The session times out while the page stays open.
    browser.manage().deleteCookieNamed("JSESSIONID");
    browser.manage().addCookie(new Cookie("JSESSIONID", "timed-out-session", "/"));
    type("create:name", "after-timeout");
    click("create:create-button");
    waitFor(By.id("expired"));
    screenshot("session-expired");
    assertTrue(browser.getCurrentUrl().contains("back=%2Fadmin%2Fkeys.xhtml"), browser.getCurrentUrl());
    type("login:username", "a-admin");
    type("login:password", PASSWORD);
    click("login:submit");
    patiently().until(d -> d.getCurrentUrl().endsWith("/admin/keys.xhtml"));
    waitFor(By.id("create:name"));
    // The sign-in form itself posted after its session is gone: a ViewExpiredException, handled.
    signOut();
    open("/admin/login.xhtml");
    waitFor(By.id("login:username"));
    browser.manage().deleteCookieNamed("JSESSIONID");
    browser.manage().addCookie(new Cookie("JSESSIONID", "timed-out-session", "/"));
    type("login:username", "a-admin");
    type("login:password", PASSWORD);
    click("login:submit");
    waitFor(By.id("expired"));
    assertTrue(browser.findElements(By.id("error")).isEmpty(), "an error page");
    // A back parameter elsewhere is ignored.
    open("/admin/login.xhtml?back=https://evil.example/admin/x.xhtml");
    waitFor(By.id("login:username"));
    type("login:username", "a-admin");
    type("login:password", PASSWORD);
    click("login:submit");
    waitFor(By.id("signout:signout-button"));
    assertTrue(browser.getCurrentUrl().endsWith("/admin/index.xhtml"), browser.getCurrentUrl());
  }

  @Test
  @Order(16)
  void anAdminManagesWebhookEndpointsAndSeesTheDeliveries() throws Exception {
    // A receiver on loopback (the IT server allows http to 127.0.0.1) that keeps every body.
    List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer receiver =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    receiver.start();
    try {
      String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      desktop();
      signInOk("a-admin");
      open("/admin/webhooks.xhtml");
      // The API's rules, shown as the service words them; nothing created.
      type("create:url", "ftp://127.0.0.1/hook");
      click("create:create-button");
      assertTrue(waitFor(By.cssSelector("#messages li")).getText().contains("url must be http or https"));
      assertTrue(browser.findElements(By.cssSelector("#endpoint-table tr.endpoint")).stream()
          .noneMatch(r -> r.getText().contains("ftp://")));

      type("create:url", hookUrl);
      type("create:types", "digital_identity.identity_process");
      type("create:headers", "X-Receiver: console");
      click("create:create-button");
      String secret = waitFor(By.id("secret")).getText();
      String endpointId = text("secret-endpoint");
      assertTrue(secret.length() >= 32, secret);
      screenshot("webhooks");
      JsonObject listed = json(send(api("/v1/hooks/endpoints/" + endpointId).GET(), 200));
      assertEquals(hookUrl, listed.getString("url"));
      assertEquals("digital_identity.identity_process", listed.getJsonArray("event_types").getString(0));
      // Shown once.
      open("/admin/webhooks.xhtml");
      waitFor(By.id("endpoint-table"));
      assertFalse(browser.getPageSource().contains(secret));

      // An event of tenant A reaches the receiver signed with the secret the page showed.
      String processId = openedProcess(apiKey, createFlow("{\"name\":\"hooks\",\"steps\":[{\"type\":\"email-verification\"}]}"),
          "hook-console")[1];
      patiently().until(d -> bodies.stream().anyMatch(b -> payload(b).contains(processId)));
      String body = bodies.stream().filter(b -> payload(b).contains(processId)).findFirst().orElseThrow();
      assertEquals(signature(body), hmac(secret, body), "the JWT body verifies with the secret shown once");

      // The process detail lists the delivery of its event.
      open("/admin/process.xhtml?id=" + processId);
      patiently().until(d -> {
        d.navigate().refresh();
        return d.findElements(By.cssSelector("#deliveries .delivery-status")).stream().anyMatch(e -> e.getText().equals("success"));
      });
      screenshot("process-deliveries");

      // Rotate: a new secret, shown once again.
      open("/admin/webhooks.xhtml");
      endpointRow(endpointId).findElement(By.className("rotate")).click();
      String rotated = waitFor(By.id("secret")).getText();
      assertFalse(rotated.equals(secret));
      // Replay: the same event once more, a new delivery.
      int before = bodies.size();
      WebElement delivery = browser.findElements(By.cssSelector("#delivery-table tr.delivery")).get(0);
      delivery.findElement(By.className("replay")).click();
      patiently().until(d -> bodies.size() > before);
      // Disable: the API reports it off.
      open("/admin/webhooks.xhtml");
      endpointRow(endpointId).findElement(By.className("toggle")).click();
      patiently().until(d -> endpointRow(endpointId).findElement(By.className("endpoint-enabled")).getText().equals("off"));
      assertFalse(json(send(api("/v1/hooks/endpoints/" + endpointId).GET(), 200)).getBoolean("enabled"));
      signOut();

      // An auditor reads the page without a form or a button; the changes are in the audit trail.
      signInOk("a-auditor");
      open("/admin/webhooks.xhtml");
      waitFor(By.id("endpoint-table"));
      assertTrue(browser.findElements(By.id("create:url")).isEmpty());
      assertTrue(browser.findElements(By.className("rotate")).isEmpty());
      assertTrue(endpointRow(endpointId).getText().contains(hookUrl));
      for (String action : List.of("webhook_created", "webhook_secret_rotated", "webhook_replayed", "webhook_disabled")) {
        String audit = fetchWithSession("/admin/audit.csv?action=" + action).body();
        assertTrue(audit.contains(endpointId) || audit.contains("HIK"), action + " not audited: " + audit);
        assertFalse(audit.contains(secret) || audit.contains(rotated), "no secret in the audit trail");
      }
      signOut();
    } finally {
      receiver.stop(0);
    }
  }

  WebElement endpointRow(String endpointId) {
    return waitFor(By.id("endpoint-table")).findElements(By.cssSelector("tr.endpoint")).stream()
        .filter(r -> r.findElement(By.className("endpoint-id")).getText().equals(endpointId)).findFirst().orElseThrow();
  }

  /** The JSON claims of a JWT body. */
  static String payload(String jwt) {
    String[] parts = jwt.split("\\.");
    return parts.length == 3 ? new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
  }

  static String signature(String jwt) {
    return jwt.substring(jwt.lastIndexOf('.') + 1);
  }

  /** What a receiver written for Truora computes: HMAC-SHA256 of header.payload with the secret. */
  static String hmac(String secret, String jwt) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] sig = mac.doFinal(jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
  }

  @Test
  @Order(99)
  void tooManyFailedSignInsFromOneAddressAreRefused() throws Exception {
    // Last: this address stays throttled for a while (10 failures per 10 minutes on the IT server).
    desktop();
    boolean throttled = false;
    for (int i = 0; i < 12 && !throttled; i++) {
      signIn("nobody-" + i, "wrong password");
      throttled = waitFor(By.cssSelector("#messages li")).getText().startsWith("Too many failed sign-ins");
    }
    assertTrue(throttled, "no per-address limit after 12 failures");
    screenshot("sign-in-throttled");
    // Even the right password of an unlocked account waits now.
    signIn("a-admin", PASSWORD);
    assertTrue(waitFor(By.cssSelector("#messages li")).getText().startsWith("Too many failed sign-ins"));
    assertTrue(browser.findElements(By.id("signout:signout-button")).isEmpty());
  }

  private static void update(Connection db, long id, String summary) throws SQLException {
    try (PreparedStatement u = db.prepareStatement("UPDATE audit_entry SET summary = ? WHERE id = ?")) {
      u.setString(1, summary);
      u.setLong(2, id);
      assertEquals(1, u.executeUpdate());
    }
  }
}
