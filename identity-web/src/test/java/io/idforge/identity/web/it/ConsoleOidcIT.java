package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Console sign-in through an OpenID provider ({@link TestOpenIdProvider}, in this JVM) on a server
 * of its own configured with {@code identity.console.oidc.*}: the whole authorization-code + PKCE
 * round trip over HTTP as a browser makes it (cookies, redirects), then the negative cases, each of
 * which must leave no console session: a wrong state, a replayed answer, a wrong nonce, audience or
 * issuer, an expired token, a token signed with another key, an unknown and a disabled user. The
 * roles are the database's, never the provider's {@code groups}.
 */
class ConsoleOidcIT {

  static TestOpenIdProvider provider;
  static ItServer server;
  static String clientId;

  @BeforeAll
  static void start() throws Exception {
    provider = new TestOpenIdProvider();
    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
    server = ItServer.start("it-oidc", pg.getPort(), pg, Map.of(
        "IDENTITY_CONSOLE_OIDC_ISSUER", provider.issuer,
        "IDENTITY_CONSOLE_OIDC_CLIENT_ID", TestOpenIdProvider.CLIENT_ID,
        "IDENTITY_CONSOLE_OIDC_CLIENT_SECRET", TestOpenIdProvider.CLIENT_SECRET,
        "IDENTITY_CONSOLE_OIDC_NAME", "Acme SSO",
        "IDENTITY_CONSOLE_SIGN_IN_FAILURES_PER_IP", "1000",
        "IDENTITY_FACE_ENABLED", "false"));
    clientId = new ApiClient(server).createClient("oidc-tenant", "k").json().getString("client_id");
    try (Connection db = server.openDatabase()) {
      addUser(db, clientId, "ana@acme.example", "reviewer", true);
      addUser(db, clientId, "gone@acme.example", "admin", false);
    }
  }

  @AfterAll
  static void stop() {
    if (provider != null) {
      provider.close();
    }
  }

  /** A browser: its own cookies, redirects followed by hand so each hop can be checked. */
  static final class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Start at the console, follow the provider's redirect; the answer that carries code and state back. */
    URI toCallback() throws Exception {
      HttpResponse<String> start = get(server.baseUri.resolve("/admin/oidc/start"));
      assertEquals(302, start.statusCode(), start::body);
      URI authorize = location(start);
      assertTrue(authorize.toString().startsWith(provider.issuer + "/authorize?"), authorize::toString);
      String query = authorize.getRawQuery();
      for (String p : List.of("state=", "nonce=", "code_challenge=", "code_challenge_method=S256", "redirect_uri=")) {
        assertTrue(query.contains(p), "authorization request lacks " + p);
      }
      HttpResponse<String> back = get(authorize);
      assertEquals(302, back.statusCode(), back::body);
      URI callback = location(back);
      assertTrue(callback.getPath().endsWith("/admin/oidc/callback"), callback::toString);
      return callback;
    }

    /** Where the callback sends the browser. */
    String finish(URI callback) throws Exception {
      HttpResponse<String> done = get(callback);
      assertEquals(302, done.statusCode(), done::body);
      return location(done).toString();
    }

    /** The signed-in user's name on the dashboard, or empty when the console asks to sign in. */
    String whoIsSignedIn() throws Exception {
      HttpResponse<String> page = get(server.baseUri.resolve("/admin/index.xhtml"));
      if (page.statusCode() == 302) {
        assertTrue(location(page).getPath().endsWith("/admin/login.xhtml"), () -> location(page).toString());
        return "";
      }
      assertEquals(200, page.statusCode());
      Matcher m = Pattern.compile("id=\"who\">([^<]*)<").matcher(page.body());
      assertTrue(m.find(), "the dashboard names the user");
      return m.group(1);
    }

    int status(String path) throws Exception {
      return get(server.baseUri.resolve(path)).statusCode();
    }

    static URI location(HttpResponse<String> r) {
      return r.uri().resolve(r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location")));
    }
  }

  @Test
  void theSignInPageOffersTheProvider() throws Exception {
    HttpResponse<String> page = new Browser().get(server.baseUri.resolve("/admin/login.xhtml"));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"oidc-start\""), "the provider's button");
    assertTrue(page.body().contains("Acme SSO"), "named after the provider");
  }

  @Test
  void theButtonAndTheFailureSpeakTheBrowsersLanguage() throws Exception {
    Map<String, List<String>> expected = Map.of(
        "es", List.of("Entrar con Acme SSO", "No fue posible entrar con el proveedor de identidad"),
        "pt-BR", List.of("Entrar com Acme SSO", "Não foi possível entrar com o provedor de identidade"),
        "en", List.of("Sign in with Acme SSO", "Signing in with the identity provider did not work"));
    Browser browser = new Browser();
    for (Map.Entry<String, List<String>> language : expected.entrySet()) {
      HttpResponse<String> page = browser.http.send(HttpRequest.newBuilder(server.baseUri.resolve("/admin/login.xhtml?oidc=failed"))
          .header("Accept-Language", language.getKey()).GET().build(), HttpResponse.BodyHandlers.ofString());
      for (String text : language.getValue()) {
        assertTrue(page.body().contains(text), language.getKey() + ": " + text);
      }
    }
  }

  @Test
  void aKnownUserSignsInWithTheDatabasesRolesNotTheProviders() throws Exception {
    provider.user = "Ana@Acme.example";
    Browser browser = new Browser();
    long before = auditCount("sign_in", "ana@acme.example");
    assertTrue(browser.finish(browser.toCallback()).endsWith("/admin/index.xhtml"));
    assertEquals("ana@acme.example", browser.whoIsSignedIn());
    assertEquals(before + 1, auditCount("sign_in", "ana@acme.example"), "audited like a password sign-in");
    // A reviewer in our database, although the provider's groups say admin and operator.
    assertEquals(200, browser.status("/admin/queue.xhtml"));
    assertEquals(403, browser.status("/admin/users.xhtml"));
    assertEquals(403, browser.status("/admin/tenants.xhtml"));
  }

  @Test
  void aWrongStateSignsNobodyIn() throws Exception {
    provider.user = "ana@acme.example";
    Browser browser = new Browser();
    URI callback = browser.toCallback();
    URI forged = URI.create(callback.toString().replaceAll("state=[^&]*", "state=forged"));
    assertRefused(browser, forged);
    // The real answer afterwards is no good either: the attempt was used up.
    assertRefused(browser, callback);
  }

  @Test
  void aReplayedAnswerSignsNobodyIn() throws Exception {
    provider.user = "ana@acme.example";
    Browser first = new Browser();
    URI callback = first.toCallback();
    // Another browser (an attacker who saw the URL) has no attempt in its session.
    assertRefused(new Browser(), callback);
    assertTrue(first.finish(callback).endsWith("/admin/index.xhtml"), "the attacker's try costs the user nothing");
    assertRefused(new Browser(), callback);
  }

  @Test
  void aWrongNonceSignsNobodyIn() throws Exception {
    refusedWith(b -> b.claim("nonce", "someone-elses-nonce"), "ana@acme.example");
  }

  @Test
  void aWrongAudienceSignsNobodyIn() throws Exception {
    refusedWith(b -> b.audience("another-client"), "ana@acme.example");
  }

  @Test
  void anotherIssuerSignsNobodyIn() throws Exception {
    refusedWith(b -> b.issuer("https://evil.example"), "ana@acme.example");
  }

  @Test
  void anExpiredTokenSignsNobodyIn() throws Exception {
    refusedWith(b -> b.issueTime(new Date(System.currentTimeMillis() - 3_600_000))
        .expirationTime(new Date(System.currentTimeMillis() - 600_000)), "ana@acme.example");
  }

  @Test
  void aTokenSignedWithAnotherKeySignsNobodyIn() throws Exception {
    provider.foreignKey = true;
    refusedWith(b -> {}, "ana@acme.example");
  }

  @Test
  void anUnknownOrDisabledUserSignsNobodyIn() throws Exception {
    long before = auditCount("sign_in_failed", null);
    refusedWith(b -> {}, "stranger@acme.example");
    refusedWith(b -> {}, "gone@acme.example");
    assertTrue(auditCount("sign_in_failed", null) >= before + 2, "failures are audited");
  }

  private void refusedWith(Consumer<JWTClaimsSet.Builder> tamper, String user) throws Exception {
    provider.user = user;
    provider.tamper = tamper;
    Browser browser = new Browser();
    assertRefused(browser, browser.toCallback());
  }

  private static void assertRefused(Browser browser, URI callback) throws Exception {
    String landing = browser.finish(callback);
    assertTrue(landing.endsWith("/admin/login.xhtml?oidc=failed"), landing);
    assertEquals("", browser.whoIsSignedIn(), "no console session");
    assertEquals(302, browser.get(server.baseUri.resolve("/admin/queue.xhtml")).statusCode());
  }

  private static void addUser(Connection db, String client, String name, String roles, boolean enabled) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("INSERT INTO console_user (id, client_id, username, roles, enabled,"
        + " failed_attempts, created_at, updated_at, version) VALUES (nextval('console_user_seq'), ?, ?, ?, ?, 0,"
        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)")) {
      s.setString(1, client);
      s.setString(2, name);
      s.setString(3, roles);
      s.setBoolean(4, enabled);
      s.executeUpdate();
    }
  }

  private static long auditCount(String action, String actor) throws SQLException {
    try (Connection db = server.openDatabase();
        PreparedStatement s = db.prepareStatement("SELECT count(*) FROM audit_entry WHERE action = ?"
            + (actor == null ? "" : " AND actor = ?"))) {
      s.setString(1, action);
      if (actor != null) {
        s.setString(2, actor);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
