package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hosted views are stateless (any node rebuilds them), so a post is this browser's own form
 * only when it carries the form token sealed in its state cookie. A forged post (no or a wrong
 * form token, whatever its {@code jakarta.faces.ViewState}): 400 with the friendly error page and
 * one log line with a reference, never a SEVERE stack trace; a real user's post with a view state
 * the server does not know (a page from before a redeploy) is sent back to the flow page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewStateIT extends ItSupport {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

  private Tenant tenant;
  private String flowId;

  @BeforeAll
  void setUp() {
    tenant = newTenant("ViewState");
    flowId = createFlow(tenant, FULL_FLOW);
  }

  @Test
  void aForgedViewStateIsA400WithTheFriendlyPageAndOneLogLine() {
    Session s = openFlow();
    // "stateless" is what the hosted pages' own forms post: without the form token it is a forgery
    // (a cross-site post rides on the cookie), as is another browser's token.
    String othersToken = openFlow().formToken();
    for (String formToken : java.util.Arrays.asList(null, "", othersToken)) {
      String forged = "stateless";
      long logOffset = logSize();
      Resp r = s.post(forged, formToken);
      assertEquals(400, r.status(), () -> forged + ": " + r);
      assertFriendlyPage(r);
      String logged = logSince(logOffset);
      List<String> lines = logged.lines().filter(l -> l.contains("form token is not valid")).toList();
      assertEquals(1, lines.size(), () -> "one log line per forged post, got:\n" + logged);
      assertTrue(lines.get(0).contains("reference "), lines.get(0));
      assertFalse(logged.contains("hosted flow page failed") || logged.contains("SEVERE"), logged);
      assertFalse(logged.contains("\tat jakarta.faces") || logged.contains("\tat com.sun.faces"), logged);
    }
    // The session still works: the page renders the current step.
    assertEquals(200, s.get().status());
  }

  @Test
  void aViewStateWithoutAFlowSessionIsA400() {
    long logOffset = logSize();
    Resp r = api.send(
        api.request("/flow.xhtml", null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.ViewState=" + encode("-123:456"))));
    assertEquals(400, r.status(), r::toString);
    assertFriendlyPage(r);
    String logged = logSince(logOffset);
    assertTrue(logged.contains("form token is not valid"), logged);
    assertFalse(logged.contains("hosted flow page failed"), logged);
  }

  @Test
  void anExpiredViewInALiveFlowSessionGoesBackToTheFlowPage() {
    Session s = openFlow();
    for (String unknown : List.of("-1234567890123456789:-987654321", "forged-view-state", "AAAA")) {
      long logOffset = logSize();
      Resp r = s.post(unknown, s.formToken());
      assertTrue(r.status() == 302 || r.status() == 303, r::toString);
      assertTrue(r.header("Location").endsWith("/flow.xhtml"), r::toString);
      assertFalse(logSince(logOffset).contains("SEVERE"));
    }
  }

  private static void assertFriendlyPage(Resp r) {
    assertTrue(r.body().contains("id=\"error\""), r::toString);
    for (String leak : List.of("Exception", "\tat ", "ViewState", "com.sun", "jakarta.faces.application")) {
      assertFalse(r.body().contains(leak), () -> leak + " in " + r);
    }
  }

  /** A browser that opened its link: the session cookie and a rendered flow page. */
  private Session openFlow() {
    Resp redirect = api.get("/?token=" + encode(mintToken(tenant, flowId)), null);
    String cookies =
        redirect.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
    assertFalse(cookies.isEmpty(), redirect::toString);
    Session s = new Session(redirect.header("Location"), cookies, new String[1]);
    String page = s.get().body();
    Matcher m = VIEW_STATE.matcher(page);
    assertTrue(m.find(), "the flow page renders a form with a view state");
    Matcher token = HostedUser.FORM_TOKEN.matcher(page);
    assertTrue(token.find(), "the flow page's form carries the form token");
    s.token[0] = token.group(1);
    return s;
  }

  private record Session(String location, String cookies, String[] token) {
    String formToken() {
      return token[0];
    }

    Resp get() {
      Resp r = api.send(api.request(location, null).header("Cookie", cookies).GET());
      assertEquals(200, r.status(), r::toString);
      return r;
    }

    Resp post(String viewState, String formToken) {
      return api.send(
          api.request(location, null)
              .header("Cookie", cookies)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "jakarta.faces.ViewState=" + encode(viewState)
                      + (formToken == null ? "" : "&idforge_form=" + encode(formToken)), StandardCharsets.UTF_8)));
    }
  }

  private static Path log() {
    return ItServer.get().log;
  }

  private static long logSize() {
    try {
      return Files.size(log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the server logged since {@code offset}, once its writes have settled. */
  private static String logSince(long offset) {
    try {
      long size = -1;
      for (int i = 0; i < 20 && size != Files.size(log()); i++) {
        size = Files.size(log());
        try {
          Thread.sleep(50); // the log is written by another process; give it a moment to flush
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] all = Files.readAllBytes(log());
      return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
