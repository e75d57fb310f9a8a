package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser (plain HTTP, no script) behind a round-robin load balancer that is not sticky: request
 * n goes to node n mod the number of nodes, with the cookie jar of all earlier answers, whichever
 * node set them. Redirects are followed by hand, so they alternate too. Forms are posted as a
 * browser posts them: their fields, the view state and the hosted pages' form token.
 */
final class RoundRobinBrowser {

  private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Duration CHECK_DEADLINE = Duration.ofSeconds(60);

  /** The nodes in balancing order; asked on every request (a dead node can leave the list). */
  private final Supplier<List<ApiClient>> nodes;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final int[] servedBy = new int[8];
  private int requests;
  private String lastPath;

  RoundRobinBrowser(List<ApiClient> nodes) {
    this(() -> nodes);
  }

  RoundRobinBrowser(Supplier<List<ApiClient>> nodes) {
    this.nodes = nodes;
  }

  /** The path and query of the last page asked for (where its forms post). */
  String lastPath() {
    return lastPath;
  }

  /** How many requests node {@code index} answered. */
  int served(int index) {
    return servedBy[index];
  }

  private ApiClient next() {
    List<ApiClient> live = nodes.get();
    int node = requests++ % live.size();
    servedBy[node]++;
    return live.get(node);
  }

  Resp get(String pathAndQuery) {
    lastPath = pathAndQuery;
    ApiClient node = next();
    return send(node.request(pathAndQuery, null).GET(), node);
  }

  /** Follows redirects (each on the next node) to a page, which must answer 200. */
  Resp follow(Resp r) {
    Resp current = r;
    for (int hops = 0; current.status() / 100 == 3; hops++) {
      assertTrue(hops < 5, "too many redirects");
      URI location = URI.create(current.header("Location"));
      current = get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }
    Resp page = current;
    assertEquals(200, page.status(), () -> summary(page));
    return page;
  }

  /** Reloads the flow page (as the checking page's refresh does) until it contains {@code marker}. */
  Resp awaitPage(Resp page, String marker) throws InterruptedException {
    long deadline = System.nanoTime() + CHECK_DEADLINE.toNanos();
    Resp current = page;
    while (!current.body().contains(marker)) {
      Resp shown = current;
      assertTrue(System.nanoTime() < deadline, () -> "no " + marker + " within " + CHECK_DEADLINE + ": " + summary(shown));
      assertFalse(current.body().contains("id=\"no-link\""), () -> "the flow state was lost: " + summary(shown));
      Thread.sleep(500);
      current = get("/flow.xhtml");
    }
    return current;
  }

  /** Posts the page's form {@code formId} (url-encoded) to where the page was loaded from. */
  Resp postForm(Resp page, String formId, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(formId, formId);
    all.putAll(fields);
    all.putAll(hidden(page));
    String body = all.entrySet().stream().map(e -> ApiClient.enc(e.getKey()) + "=" + ApiClient.enc(e.getValue()))
        .collect(Collectors.joining("&"));
    ApiClient node = next();
    return send(node.request(lastPath, null).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), node);
  }

  /** Posts the page's multipart form {@code formId}; {@code byte[]} values are PNG files. */
  Resp postMultipart(Resp page, String formId, Map<String, Object> fields) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put(formId, formId);
    all.putAll(fields);
    all.putAll(hidden(page));
    String boundary = "----roundrobin" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, Object> p : all.entrySet()) {
      out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
      if (p.getValue() instanceof byte[] bytes) {
        out.writeBytes(("Content-Disposition: form-data; name=\"" + p.getKey() + "\"; filename=\"photo.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      } else {
        out.writeBytes(("Content-Disposition: form-data; name=\"" + p.getKey() + "\"\r\n\r\n" + p.getValue() + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    ApiClient node = next();
    return send(node.request(lastPath, null).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())), node);
  }

  /** What a page shows, in a few words: its step title and notice codes, or why it has no flow. */
  static String summary(Resp page) {
    StringBuilder out = new StringBuilder("HTTP " + page.status());
    for (Pattern p : List.of(Pattern.compile("id=\"step-title\">([^<]*)<"), Pattern.compile("data-code=\"([^\"]*)\""),
        Pattern.compile("id=\"(no-link|error|outcome)\""))) {
      Matcher m = p.matcher(page.body());
      while (m.find()) {
        out.append(" ").append(m.group(1));
      }
    }
    return out.toString();
  }

  private static Map<String, String> hidden(Resp page) {
    Matcher state = VIEW_STATE.matcher(page.body());
    assertTrue(state.find(), "no view state on the page");
    Matcher token = HostedUser.FORM_TOKEN.matcher(page.body());
    assertTrue(token.find(), "no form token on the page");
    return Map.of("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"), "idforge_form", token.group(1));
  }

  private Resp send(HttpRequest.Builder request, ApiClient node) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    Resp r = node.send(request);
    for (String c : r.headers().allValues("Set-Cookie")) {
      String pair = c.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return r;
  }
}
