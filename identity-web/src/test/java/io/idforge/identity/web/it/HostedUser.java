package io.idforge.identity.web.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An end user driving the hosted pages over plain HTTP (no browser): opens the process URL with a
 * cookie jar, reads the Faces form it is shown and posts it back as the browser would
 * (multipart, with the view state). Enough to upload a document for the black-box review tests;
 * the browser suite covers the pages themselves.
 */
public final class HostedUser {

  private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303);

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

  /** The form token every hosted form carries (the pages are stateless views). */
  static final Pattern FORM_TOKEN = Pattern.compile("name=\"idforge_form\" value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http;
  private String page;
  private URI pageUri;

  public HostedUser(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            // Redirects are followed by send() as a browser does: the JDK client (17) keeps the
            // POST's Content-Type on the GET after a 302/303, and WildFly's Undertow then parses
            // the empty body of that GET as multipart and fails (UT000036, 500).
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Opens the process URL and lands on the flow page; answers the process id. */
  public String open(String token) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/?token=" + ApiClient.enc(token) + "&lang=en")).GET());
    page = r.body();
    pageUri = r.uri();
    Matcher m = Pattern.compile("process_id=(IDP[0-9a-f]{32})").matcher(pageUri.toString());
    if (r.statusCode() != 200 || !m.find()) {
      // The path only: the URL carries the token.
      throw new AssertionError("the process URL did not lead to the flow page: HTTP " + r.statusCode() + " " + pageUri.getPath());
    }
    return m.group(1);
  }

  /** Submits the document form of the page it is on with the two photos (PNG). */
  public void submitDocument(String country, String documentType, byte[] front, byte[] back) {
    if (!page.contains("id=\"document\"")) {
      throw new AssertionError("the page shows no document form: " + page);
    }
    Matcher state = VIEW_STATE.matcher(page);
    if (!state.find()) {
      throw new AssertionError("no view state on the page");
    }
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("document", "document");
    parts.put("document:country", country);
    parts.put("document:type", documentType);
    parts.put("document:front", front);
    parts.put("document:back", back);
    parts.put("document:upload-document", "Continue");
    parts.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
    parts.put("idforge_form", formToken());
    String boundary = "----idforge" + UUID.randomUUID();
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(pageUri)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts))));
    if (r.statusCode() != 200) {
      throw new AssertionError("document upload answered HTTP " + r.statusCode());
    }
    page = r.body();
    pageUri = r.uri();
  }

  /** Ticks the welcome screen's authorization box and accepts (the page must show the welcome). */
  public void giveConsent() {
    if (!page.contains("id=\"consent\"")) {
      throw new AssertionError("the page shows no welcome form: " + page);
    }
    Matcher state = VIEW_STATE.matcher(page);
    if (!state.find()) {
      throw new AssertionError("no view state on the page");
    }
    String form = "consent=consent&consent%3Aauthorize=on&consent%3Aaccept=Accept&jakarta.faces.ViewState="
        + ApiClient.enc(state.group(1).replace("&#58;", ":")) + "&idforge_form=" + ApiClient.enc(formToken());
    HttpResponse<String> r = send(HttpRequest.newBuilder(pageUri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (r.statusCode() != 200 || r.body().contains("id=\"consent\"")) {
      throw new AssertionError("the authorization was not taken: HTTP " + r.statusCode());
    }
    page = r.body();
    pageUri = r.uri();
  }

  private String formToken() {
    Matcher m = FORM_TOKEN.matcher(page);
    if (!m.find()) {
      throw new AssertionError("no form token on the page");
    }
    return m.group(1);
  }

  private static byte[] multipart(String boundary, Map<String, Object> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, Object> p : parts.entrySet()) {
      write(out, "--" + boundary + "\r\n");
      if (p.getValue() instanceof byte[] bytes) {
        write(out, "Content-Disposition: form-data; name=\"" + p.getKey() + "\"; filename=\"" + p.getKey().replace(':', '-')
            + ".png\"\r\nContent-Type: image/png\r\n\r\n");
        out.writeBytes(bytes);
        write(out, "\r\n");
      } else {
        write(out, "Content-Disposition: form-data; name=\"" + p.getKey() + "\"\r\n\r\n" + p.getValue() + "\r\n");
      }
    }
    write(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends and follows redirects like a browser (RFC 9110 15.4): after a 301, 302 or 303 the next
   * request is a plain GET of the new location, without the body and its content headers.
   */
  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (int hops = 0; hops < 10 && REDIRECTS.contains(r.statusCode()) && r.headers().firstValue("Location").isPresent(); hops++) {
        URI next = r.uri().resolve(r.headers().firstValue("Location").get());
        r = http.send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
