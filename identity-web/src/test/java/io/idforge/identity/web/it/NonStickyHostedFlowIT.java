package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.idforge.identity.core.fixtures.PublicDomainPortraits;
import io.idforge.identity.core.fixtures.SyntheticDocuments;
import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hosted flow behind a load balancer that is not sticky: two Payara Micro nodes on one
 * PostgreSQL, not clustered (no shared HTTP sessions), and a browser whose every request, page
 * loads, form posts and redirects alike, goes to the other node than the one before, carrying its
 * cookies across. Open link, a language change, consent, e-mail code (GreenMail), document upload,
 * selfie and the end page all work, and a notice set on one node shows once after the redirect on
 * the other: nothing the pages need lives in one node's memory ({@link RoundRobinBrowser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Opt-in with TwoNodeIT (-Dtwonode=true): two more Payara Micro nodes took about 100 s of wall time
// on 2 shared cores (60 s of it starting them), over the ~90 s the normal build can spare.
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "twonode", matches = "true")
class NonStickyHostedFlowIT {

  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
  private static final Pattern HTML_LANG = Pattern.compile("<html[^>]* lang=\"([a-z]{2})\"");
  private static final Duration CHECK_DEADLINE = Duration.ofSeconds(60);

  private TwoNodes nodes;
  private ApiClient apiA;
  private ApiClient apiB;
  private String backendKey;

  @BeforeAll
  void start() throws IOException {
    Map<String, String> settings = new HashMap<>(ItServer.SHARED_SETTINGS);
    // The selfie then waits for a person's review (no face models to load on two more nodes).
    settings.put("IDENTITY_FACE_ENABLED", "false");
    // No media or code keys configured, and both nodes start at once on the empty database: the
    // first start's key generation takes turns (FirstStartLock), so both end with the same keys;
    // otherwise neither node could open the other's state cookie (derived from the media keys).
    nodes = TwoNodes.start("it-nonsticky", settings, "NonSticky");
    apiA = nodes.apiA;
    apiB = nodes.apiB;
    backendKey = nodes.backendKey;
  }

  @AfterAll
  void stop() throws IOException {
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void everyRequestOnTheOtherNodeFromLinkToEndPage() throws Exception {
    Resp flow = apiB.postJson("/v1/flows", backendKey, "{\"name\":\"non-sticky\",\"time_to_live\":30,"
        + "\"privacy_notice_url\":\"https://example.com/privacy\",\"steps\":["
        + "{\"type\":\"email-verification\"},"
        + "{\"type\":\"document-validation\",\"config\":{\"allowed_retries\":2,"
        + "\"allowed_document_types\":[{\"country\":\"CO\",\"document_types\":[\"national-id\"]}]}},"
        + "{\"type\":\"face-recognition\"}]}");
    assertEquals(201, flow.status(), flow::toString);
    Resp minted = apiA.postForm("/v1/api-keys", backendKey, "key_type", "web", "grant", "digital-identity",
        "api_key_version", "1", "country", "ALL", "redirect_url", "https://example.com/done",
        "flow_id", flow.json().getString("flow_id"), "account_id", "non-sticky-1");
    assertEquals(200, minted.status(), minted::toString);
    String token = minted.json().getString("api_key");

    RoundRobinBrowser browser = new RoundRobinBrowser(List.of(apiA, apiB));
    // Open the link on one node, land on the flow page on the other.
    Resp opened = browser.get("/?token=" + ApiClient.enc(token) + "&lang=es");
    assertEquals(303, opened.status(), opened::toString);
    Resp welcome = browser.follow(opened);
    String processId = processId(browser.lastPath());
    assertTrue(welcome.body().contains("id=\"consent\""), () -> "the welcome page on the other node: " + RoundRobinBrowser.summary(welcome));
    assertEquals("es", lang(welcome));
    // The state left in a sealed cookie, the token in no later URL or cookie, no HTTP session.
    String setCookie = opened.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("idforge_flow=")).findFirst().orElseThrow(() -> new AssertionError(opened.headers().map().toString()));
    for (String attribute : List.of("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=7200")) {
      assertTrue(setCookie.contains(attribute), attribute + " in " + setCookie);
    }
    assertFalse(setCookie.contains(token) || setCookie.contains(token.split("\\.")[1]), "no token in the cookie");
    assertFalse(opened.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID")),
        "no HTTP session: " + opened.headers().allValues("Set-Cookie"));

    // A language change on one node holds on the other.
    assertEquals("en", lang(browser.get("/flow.xhtml?lang=en")));
    Resp english = browser.get("/flow.xhtml?process_id=" + processId);
    assertEquals("en", lang(english));

    // Consent.
    Resp emailStep = browser.follow(browser.postForm(english, "consent", Map.of("consent:authorize", "on", "consent:accept", "Accept")));
    assertTrue(emailStep.body().contains("id=\"send\""), () -> "the e-mail step: " + RoundRobinBrowser.summary(emailStep));

    // Send a code: the notice set on this node shows after the redirect on the other, once.
    String address = "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Resp sent = browser.follow(browser.postForm(emailStep, "send", Map.of("send:destination", address, "send:send-code", "Send")));
    assertTrue(sent.body().contains("data-code=\"code_sent\""), () -> "the code_sent notice after the redirect: " + RoundRobinBrowser.summary(sent));
    Resp again = browser.get("/flow.xhtml?process_id=" + processId);
    assertFalse(again.body().contains("data-code=\"code_sent\""), "the notice shows once");
    Resp documentStep = browser.follow(browser.postForm(again, "verify", Map.of("verify:code", mailedCode(address), "verify:verify-code", "Verify")));
    assertTrue(documentStep.body().contains("id=\"document\""), () -> "the document step: " + RoundRobinBrowser.summary(documentStep));

    // Document upload (multipart), then the check's verdict, polled across both nodes.
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("document:country", "CO");
    parts.put("document:type", "national-id");
    parts.put("document:front", png(SyntheticDocuments.front(false, PublicDomainPortraits.ASTRONAUT.headAndShoulders())));
    parts.put("document:back", png(SyntheticDocuments.reverse("19880621")));
    parts.put("document:upload-document", "Continue");
    Resp faceStep = browser.awaitPage(browser.follow(browser.postMultipart(documentStep, "document", parts)), "id=\"face\"");

    // Selfie: without a face engine it waits for a person's review ("in review" page).
    Map<String, Object> selfie = new LinkedHashMap<>();
    selfie.put("face:selfie", PublicDomainPortraits.ASTRONAUT.bytes());
    selfie.put("face:upload-selfie", "Send");
    browser.awaitPage(browser.follow(browser.postMultipart(faceStep, "face", selfie)), "id=\"in-review\"");
    approveReview(processId);

    // The end page, on whichever node comes next, in the language chosen on another.
    Resp end = browser.awaitPage(browser.get("/flow.xhtml?process_id=" + processId), "id=\"outcome\"");
    assertTrue(end.body().contains("class=\"outcome ok\""), "succeeded");
    assertEquals("en", lang(end));
    JsonObject result = apiB.get("/v1/processes/" + processId + "/result", backendKey).json();
    assertEquals("success", result.getString("status"), result::toString);
    assertTrue(browser.served(0) > 5 && browser.served(1) > 5, "both nodes served: " + browser.served(0) + "/" + browser.served(1));
  }

  private void approveReview(String processId) {
    Resp queue = apiA.get("/v1/reviews?status=open", backendKey);
    String reviewId = queue.array("reviews").stream().map(v -> v.asJsonObject())
        .filter(r -> processId.equals(r.getString("process_id", null))).map(r -> r.getString("review_id"))
        .findFirst().orElseThrow(() -> new AssertionError("no open review of " + processId + ": " + queue));
    Resp claimed = apiB.postForm("/v1/reviews/" + reviewId + "/claim", backendKey, "reviewer", "ana.reviewer");
    assertEquals(200, claimed.status(), claimed::toString);
    Resp decided = apiA.postForm("/v1/reviews/" + reviewId + "/decision", backendKey,
        "decision", "approved", "reviewer", "ana.reviewer", "note", "non-sticky test");
    assertEquals(200, decided.status(), decided::toString);
  }

  private String mailedCode(String address) throws MessagingException, InterruptedException {
    long deadline = System.nanoTime() + CHECK_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      // Whichever node took the post sent the mail to its own test SMTP server.
      for (ItServer node : List.of(nodes.a, nodes.b)) {
        for (MimeMessage m : node.mail.getReceivedMessages()) {
          for (Address to : m.getAllRecipients()) {
            Matcher code = CODE.matcher(GreenMailUtil.getBody(m));
            if (to.toString().contains(address) && code.find()) {
              return code.group(1);
            }
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no code mailed to the address");
  }

  private static String lang(Resp page) {
    assertEquals(200, page.status(), page::toString);
    Matcher m = HTML_LANG.matcher(page.body());
    assertTrue(m.find(), "no html lang");
    return m.group(1);
  }

  private static String processId(String path) {
    Matcher m = Pattern.compile("process_id=(IDP[0-9a-f]{32})").matcher(path);
    assertTrue(m.find(), path);
    return m.group(1);
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
