package io.idforge.identity.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ItServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser scenarios share: the server ({@link ItServer}), a small client of the
 * REST API (tenants, flows, tokens, results), one headless Debian Chromium per test at phone width
 * (360×800) through Debian's chromedriver (absolute paths, so Selenium Manager never runs or
 * downloads), waits with deadlines, and numbered screenshots under
 * {@code target/browser-screenshots/<test>/}.
 */
abstract class BrowserSupport {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Longest wait for one page or one e-mail. */
  static final Duration WAIT = Duration.ofSeconds(20);

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5)).build();

  static ItServer server;
  static TestImages images;
  /** The tenant of this test class: client id and backend key. */
  static String clientId;
  static String apiKey;

  WebDriver browser;
  Path profile;
  /** Further browsers of a test (a second device), quit after it with their profiles. */
  final List<WebDriver> others = new ArrayList<>();
  final List<Path> otherProfiles = new ArrayList<>();
  Path shots;
  int shot;
  String testName;

  @BeforeAll
  static void startServerAndDriver() throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver must be installed at /usr/bin (.ci/setup-browser.sh installs them)");
    server = ItServer.get();
    images = new TestImages(server.buildDir.resolve("browser-images"));
    String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject tenant = json(send(HttpRequest.newBuilder(server.baseUri.resolve("/v1/admin/clients"))
        .header("Identity-Admin-Key", server.adminKey)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form("name", name))), 201));
    clientId = tenant.getString("client_id");
    apiKey = tenant.getString("api_key");
  }

  @BeforeEach
  void name(TestInfo info) throws IOException {
    testName = info.getTestMethod().orElseThrow().getName();
    shots = server.buildDir.resolve("browser-screenshots").resolve(testName);
    if (Files.isDirectory(shots)) {
      try (var old = Files.list(shots)) {
        for (Path p : (Iterable<Path>) old::iterator) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(shots);
  }

  @AfterEach
  void quitBrowser() {
    others.remove(browser);
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    deleteProfile();
    for (WebDriver other : others) {
      other.quit();
    }
    others.clear();
    for (Path p : otherProfiles) {
      deleteTree(p);
    }
    otherProfiles.clear();
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: mvn clean removes it anyway.
    }
  }

  /** Chromium's profile of the last browser (a few MB), once that browser has quit. */
  private void deleteProfile() {
    if (profile == null) {
      return;
    }
    try (var paths = Files.walk(profile)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: mvn clean removes it anyway.
    }
    profile = null;
  }

  // --- the browser -----------------------------------------------------------------------------

  /**
   * Starts Chromium at 360×800 whose Accept-Language is {@code acceptLanguage}, with a fake camera
   * (Chromium's test pattern, or {@code extraArgs} such as {@code --use-file-for-fake-video-capture})
   * that the page may use without a permission prompt.
   */
  WebDriver startBrowser(String acceptLanguage, String... extraArgs) throws IOException {
    deleteProfile();
    profile = Files.createTempDirectory(server.buildDir, "chromium-profile-");
    browser = chromium(profile, acceptLanguage, Device.PHONE_VIEWPORT, extraArgs);
    return browser;
  }

  /** The kinds of browser a scenario can use. */
  enum Device {
    /** 360×800 with touch, Chromium's own (desktop) User-Agent: the phone suite's default. */
    PHONE_VIEWPORT,
    /** The same, with an Android phone's User-Agent: a phone to the server too. */
    PHONE,
    /** A 1280×800 desktop window with a mouse. */
    DESKTOP
  }

  /** An Android phone's User-Agent (Chromium on a Pixel). */
  static final String PHONE_USER_AGENT =
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

  /**
   * One more browser for the same test (a second device), quit after the test; {@link #browser}
   * stays the one the helpers drive until the test assigns another.
   */
  WebDriver otherBrowser(String acceptLanguage, Device device, String... extraArgs) throws IOException {
    Path dir = Files.createTempDirectory(server.buildDir, "chromium-profile-");
    otherProfiles.add(dir);
    WebDriver d = chromium(dir, acceptLanguage, device, extraArgs);
    others.add(d);
    return d;
  }

  /**
   * Starts Chromium whose Accept-Language is {@code acceptLanguage}, with a fake camera
   * (Chromium's test pattern, or {@code extraArgs} such as {@code --use-file-for-fake-video-capture})
   * that the page may use without a permission prompt.
   */
  static WebDriver chromium(Path profileDir, String acceptLanguage, Device device, String... extraArgs) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profileDir, device == Device.DESKTOP ? "--window-size=1280,800" : "--window-size=360,800",
        "--lang=" + acceptLanguage, "--accept-lang=" + acceptLanguage,
        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream");
    options.addArguments(extraArgs);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
    if (device != Device.DESKTOP) {
      // Headless windows are at least 500 px wide: emulate the phone's 360 px viewport exactly.
      Map<String, Object> metrics =
          Map.of("deviceMetrics", Map.of("width", 360, "height", 800, "pixelRatio", 1.0, "touch", true, "mobile", true));
      Map<String, Object> emulation = new java.util.HashMap<>(metrics);
      if (device == Device.PHONE) {
        emulation.put("userAgent", PHONE_USER_AGENT);
      }
      options.setExperimentalOption("mobileEmulation", emulation);
    }
    // One chromedriver per browser: quit() stops the service it was started with.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT);
    return driver;
  }

  /** Opens the process URL of {@code token} (optionally with {@code &lang=}) and waits for the flow page. */
  void openLink(String token, String lang) {
    browser.get(server.baseUri + "/?token=" + enc(token) + (lang == null ? "" : "&lang=" + lang));
    waitFor(By.id("progress"));
  }

  /** A wait with the deadline {@link #WAIT}, tolerating the page being replaced while it looks. */
  WebDriverWait patiently(Duration timeout) {
    WebDriverWait w = new WebDriverWait(browser, timeout);
    w.ignoring(StaleElementReferenceException.class);
    return w;
  }

  WebDriverWait patiently() {
    return patiently(WAIT);
  }

  WebElement waitFor(By by) {
    return patiently()
        .withMessage(() -> "waiting for " + by + " on " + browser.getCurrentUrl() + ":\n" + browser.getPageSource())
        .until(whilePageReplaced(d -> d.findElements(by).stream().findFirst().orElse(null)));
  }

  /**
   * {@code condition}, reading "not yet" when Chromium reports that the element it just found
   * belongs to a page already replaced by the redirect ("Node with given id does not belong to the
   * document"); any other driver error still fails the wait at once.
   */
  static <T> Function<WebDriver, T> whilePageReplaced(Function<WebDriver, T> condition) {
    return d -> {
      try {
        return condition.apply(d);
      } catch (WebDriverException e) {
        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
          return null;
        }
        throw e;
      }
    };
  }

  /** Waits until the page shows the notice {@code code} (a new page after the redirect). */
  WebElement waitForNotice(String code) {
    return patiently()
        .withMessage(() -> "waiting for notice " + code + ":\n" + browser.getPageSource())
        .until(whilePageReplaced(d -> d.findElements(By.id("notice-text")).stream()
            .filter(e -> code.equals(e.getAttribute("data-code"))).findFirst().orElse(null)));
  }

  /** Waits until the step title reads {@code title} (the page after a redirect). */
  void waitForTitle(String title) {
    patiently()
        .withMessage(() -> "waiting for the step title " + title + ":\n" + browser.getPageSource())
        .until(whilePageReplaced(d -> d.findElements(By.id("step-title")).stream().anyMatch(e -> title.equals(e.getText()))));
  }

  String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  void click(String id) {
    browser.findElement(By.id(id)).click();
  }

  void type(String id, String value) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  void upload(String id, Path file) {
    browser.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
  }

  String processId() {
    return text("process-id");
  }

  /** Saves the page as {@code NN-name.png}, the whole page height at 360 px width. */
  void screenshot(String name) throws IOException {
    byte[] png;
    try {
      ChromeDriver chrome = (ChromeDriver) browser;
      Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      @SuppressWarnings("unchecked")
      Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
      double width = ((Number) size.get("width")).doubleValue();
      double height = Math.max(800, ((Number) size.get("height")).doubleValue());
      Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of(
          "format", "png", "captureBeyondViewport", true,
          "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      png = Base64.getDecoder().decode((String) shot.get("data"));
    } catch (RuntimeException e) {
      png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    }
    Files.write(shots.resolve(String.format("%02d-%s.png", ++shot, name)), png);
  }

  // --- the REST API ----------------------------------------------------------------------------

  /** Redirect target of every token: the service's own landing page, so the browser can follow it. */
  static String redirectUrl() {
    return server.baseUri + "/?landing=done";
  }

  static String createFlow(String json) {
    return json(send(api("/v1/flows").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), 201)).getString("flow_id");
  }

  /** A web integration token for {@code flowId}, with extra form fields (e.g. {@code emails}). */
  static String mintToken(String flowId, String... extra) {
    List<String> pairs = new ArrayList<>(List.of(
        "key_type", "web", "grant", "digital-identity", "api_key_version", "1", "country", "ALL",
        "redirect_url", redirectUrl(), "flow_id", flowId));
    pairs.addAll(List.of(extra));
    return json(send(api("/v1/api-keys").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(pairs.toArray(String[]::new)))), 200)).getString("api_key");
  }

  static JsonObject result(String processId) {
    return json(send(api("/v1/processes/" + processId + "/result").GET(), 200));
  }

  static HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(server.baseUri.resolve(path)).timeout(Duration.ofSeconds(60)).header("Truora-API-Key", apiKey);
  }

  static String send(HttpRequest.Builder request, int expectedStatus) {
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(expectedStatus, r.statusCode(), () -> r.request().uri() + " answered " + r.statusCode() + " " + r.body());
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  static String form(String... pairs) {
    StringJoiner out = new StringJoiner("&");
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
    }
    return out.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The validation of {@code type} in a result. */
  static JsonObject validation(JsonObject result, String type) {
    return result.getJsonArray("validations").stream().map(v -> v.asJsonObject())
        .filter(v -> type.equals(v.getString("type"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " validation in " + result));
  }

  // --- e-mail ----------------------------------------------------------------------------------

  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  /** The one-time code of the newest message GreenMail received for {@code address}. */
  static String mailedCode(String address) throws MessagingException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      MimeMessage newest = null;
      for (MimeMessage m : server.mail.getReceivedMessages()) {
        for (Address to : m.getAllRecipients()) {
          if (to.toString().contains(address)) {
            newest = m;
          }
        }
      }
      if (newest != null) {
        Matcher m = CODE.matcher(GreenMailUtil.getBody(newest));
        assertTrue(m.find(), "no 6-digit code in the message to " + address);
        return m.group(1);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no message to " + address + " within " + WAIT);
      }
      // Blocks until one more message arrives or the time is up (no fixed sleep).
      server.mail.waitForIncomingEmail(Math.min(left / 1_000_000, 2_000), server.mail.getReceivedMessages().length + 1);
    }
  }
}
