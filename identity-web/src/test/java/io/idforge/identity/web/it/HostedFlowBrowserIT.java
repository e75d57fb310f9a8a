package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End-to-end hosted flows in headless Debian Chromium at phone width (360 px), against the real
 * WAR on Payara Micro and PostgreSQL, with one-time codes mailed to a real SMTP server in this JVM.
 * Each scenario checks the result API afterwards and leaves screenshots under
 * {@code target/browser-screenshots/<test>/}.
 */
class HostedFlowBrowserIT extends ItSupport {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  static Path images;
  static Tenant tenant;

  ChromeDriverService service;
  WebDriver browser;
  Path shots;
  int shot;

  @BeforeAll
  static void startDriver() throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver must be installed (.ci/setup-browser.sh does it)");
    images = ItServer.get().buildDir.resolve("browser-images");
    SyntheticCedula.write(images, "front", SyntheticCedula.front(false));
    SyntheticCedula.write(images, "front-blurred", SyntheticCedula.front(true));
    SyntheticCedula.write(images, "back-adult", SyntheticCedula.reverse("19880621"));
    tenant = newTenant("Browser");
  }

  WebDriver open(String token, TestInfo info, String lang) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    Path profile = Files.createTempDirectory(ItServer.get().buildDir, "chromium-profile-");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=360,800");
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    shots = ItServer.get().buildDir.resolve("browser-screenshots").resolve(info.getTestMethod().orElseThrow().getName());
    Files.createDirectories(shots);
    browser.get(ItServer.get().baseUri + "/?token=" + encode(token) + "&lang=" + lang);
    waitFor(By.id("progress"));
    return browser;
  }

  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(by).stream().findFirst().orElse(null));
  }

  /** Waits until the notice shows {@code code} (after a redirect the page is new). */
  void waitForNotice(String code) {
    // The page is replaced after each action (post-redirect-get): an element may go stale mid-check.
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(By.id("notice-text")).stream().anyMatch(e -> code.equals(e.getAttribute("data-code"))));
  }

  void screenshot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(shots.resolve(String.format("%02d-%s.png", ++shot, name)), png);
  }

  String processId() {
    return browser.findElement(By.id("process-id")).getText();
  }

  JsonObject result(String processId) {
    Resp r = api.get("/v1/processes/" + processId + "/result", tenant.apiKey());
    assertEquals(200, r.status(), r::toString);
    return r.json();
  }

  /** The newest one-time code mailed to {@code address}. */
  static String mailedCode(String address) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      MimeMessage[] all = ItServer.get().mail.getReceivedMessagesForDomain(address);
      if (all.length > 0) {
        Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(all[all.length - 1]));
        if (m.find()) {
          return m.group(1);
        }
      }
      ItServer.get().mail.waitForIncomingEmail(2_000, 1);
    }
    throw new AssertionError("no code mailed to " + address + " in time");
  }

  void sendCodeAndType(String address, String code) throws Exception {
    browser.findElement(By.id("send:send-code")).click();
    waitForNotice("code_sent");
    screenshot("code-sent");
    String actual = code == null ? mailedCode(address) : code;
    browser.findElement(By.id("verify:code")).sendKeys(actual);
    browser.findElement(By.id("verify:verify-code")).click();
  }

  void uploadDocument(String front) throws Exception {
    waitFor(By.id("document:front"));
    new Select(browser.findElement(By.id("document:country"))).selectByValue("CO");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("national-id");
    browser.findElement(By.id("document:front")).sendKeys(images.resolve(front + ".png").toString());
    browser.findElement(By.id("document:back")).sendKeys(images.resolve("back-adult.png").toString());
    screenshot("document-chosen");
    browser.findElement(By.id("document:upload-document")).click();
  }

  @Test
  void emailThenDocumentSucceedsAndContinuesToTheRedirectUrl(TestInfo info) throws Exception {
    String email = "ana-" + System.nanoTime() + "@success.idforge.test";
    String flow = createFlow(tenant, flowJson("Browser success", 120, "email-verification", "document-validation"));
    try {
      open(mintToken(tenant, flow, "emails", email), info, "es");
      screenshot("opened");
      assertEquals("Verifica tu correo", browser.findElement(By.id("step-title")).getText());
      sendCodeAndType(email.substring(email.indexOf('@') + 1), null);
      uploadDocument("front");
      WebElement outcome = waitFor(By.id("outcome"));
      screenshot("finished");
      assertEquals("success", outcome.getAttribute("data-status"));
      String processId = processId();
      assertTrue(browser.findElement(By.id("continue")).getAttribute("href")
          .equals("https://example.com/done?process_id=" + processId));

      JsonObject result = result(processId);
      assertEquals("success", result.getString("status"));
      assertEquals(2, result.getJsonArray("validations").size());
      JsonObject document = result.getJsonArray("validations").getJsonObject(1);
      assertEquals("document-validation", document.getString("type"));
      assertEquals("success", document.getString("validation_status"));
      assertEquals(SyntheticCedula.NUMBER,
          document.getJsonObject("details").getJsonObject("document_details").getString("document_number"));
    } finally {
      close();
    }
  }

  @Test
  void wrongCodesUseTheRetriesThenDecline(TestInfo info) throws Exception {
    String email = "ben-" + System.nanoTime() + "@retries.idforge.test";
    String flow = createFlow(tenant,
        "{\"name\":\"Browser retries\",\"steps\":[{\"type\":\"email-verification\",\"config\":{\"allowed_retries\":1}}]}");
    try {
      open(mintToken(tenant, flow, "emails", email), info, "en");
      String real = null;
      sendCodeAndType(email.substring(email.indexOf('@') + 1), "000000");
      real = mailedCode(email.substring(email.indexOf('@') + 1));
      String wrong = real.equals("000000") ? "111111" : "000000";
      waitForNotice("wrong_verification_code");
      screenshot("wrong-once");
      assertTrue(browser.findElement(By.id("notice")).getText().contains("Attempts left: 0"), browser.getPageSource());
      browser.findElement(By.id("verify:code")).sendKeys(wrong);
      browser.findElement(By.id("verify:verify-code")).click();
      WebElement outcome = waitFor(By.id("outcome"));
      screenshot("declined");
      assertEquals("failure", outcome.getAttribute("data-status"));
      JsonObject result = result(processId());
      assertEquals("failure", result.getString("status"));
      assertEquals("declined", result.getString("failure_status"));
      assertEquals("max_retries_reached", result.getString("declined_reason"));
    } finally {
      close();
    }
  }

  @Test
  void aBlurryPhotoCanBeRetakenWithinTheRetries(TestInfo info) throws Exception {
    String flow = createFlow(tenant, flowJson("Browser blur", 120, "document-validation"));
    try {
      open(mintToken(tenant, flow), info, "pt");
      assertEquals("Fotografe seu documento", browser.findElement(By.id("step-title")).getText());
      uploadDocument("front-blurred");
      waitForNotice("blurry_image");
      screenshot("blurry");
      String processId = processId();
      JsonObject pending = result(processId);
      assertEquals("pending", pending.getString("status"));
      assertEquals(1, pending.getJsonArray("validations").getJsonObject(0).getInt("remaining_retries"));
      uploadDocument("front");
      WebElement outcome = waitFor(By.id("outcome"));
      screenshot("finished");
      assertEquals("success", outcome.getAttribute("data-status"));
      assertEquals("success", result(processId).getString("status"));
    } finally {
      close();
    }
  }

  @Test
  void theUserCanCancelWithAReason(TestInfo info) throws Exception {
    String flow = createFlow(tenant, flowJson("Browser cancel", 120, "document-validation", "face-recognition"));
    try {
      open(mintToken(tenant, flow), info, "es");
      browser.findElement(By.id("cancel-open")).click();
      new Select(browser.findElement(By.id("cancel:reason"))).selectByValue("dont_want_to_continue");
      screenshot("cancel-open");
      browser.findElement(By.id("cancel:confirm-cancel")).click();
      WebElement outcome = waitFor(By.id("outcome"));
      screenshot("canceled");
      assertEquals("failure", outcome.getAttribute("data-status"));
      JsonObject result = result(processId());
      assertEquals("declined", result.getString("failure_status"));
      assertEquals("canceled", result.getString("declined_reason"));
    } finally {
      close();
    }
  }

}
