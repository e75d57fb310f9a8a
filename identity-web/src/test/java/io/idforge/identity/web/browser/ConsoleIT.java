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
    String log = Files.readString(server.log, StandardCharsets.UTF_8);
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
    assertTrue(protectedPage.headers().firstValue("Location").orElse("").endsWith("/admin/login.xhtml"));

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

  private static void update(Connection db, long id, String summary) throws SQLException {
    try (PreparedStatement u = db.prepareStatement("UPDATE audit_entry SET summary = ? WHERE id = ?")) {
      u.setString(1, summary);
      u.setLong(2, id);
      assertEquals(1, u.executeUpdate());
    }
  }
}
