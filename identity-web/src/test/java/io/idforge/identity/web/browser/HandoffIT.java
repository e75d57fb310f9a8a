package io.idforge.identity.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "Continue on your phone": a desktop browser opens the process, shows the QR code of a hand-off
 * link, a second browser (an Android phone: its User-Agent, 360 px, touch) opens the link read
 * from that QR code with ZXing and completes the steps, while the desktop page follows the
 * progress by itself and then shows the outcome. The link works once.
 */
class HandoffIT extends BrowserSupport {

  @Test
  void aDesktopHandsItsProcessToAPhoneThatFinishesItAndTheLinkWorksOnce() throws Exception {
    String address = "hand." + System.nanoTime() + "@handoff.idforge.test";
    String flowId = createFlow(HostedFlowIT.flow("Browser hand-off", HostedFlowIT.email(null), HostedFlowIT.document(null)));
    WebDriver desktop = otherBrowser("en", Device.DESKTOP);
    browser = desktop;
    openLink(mintToken(flowId), null);
    String processId = processId();
    assertEquals("Verify your e-mail", text("step-title"));
    assertTrue(browser.findElement(By.id("handoff-offer")).isDisplayed(), "a desktop is offered the phone");
    screenshot("desktop-offer");
    click("handoff-start:continue-on-phone");

    WebElement qr = waitFor(By.id("handoff-qr"));
    assertEquals("waiting", browser.findElement(By.id("handoff")).getAttribute("data-state"));
    assertEquals("poll", browser.findElement(By.cssSelector("meta[name=idforge-refresh]")).getAttribute("data-mode"),
        "the page looks again by itself");
    assertTrue(browser.getPageSource().contains("<noscript><meta http-equiv=\"refresh\""), "and without script too");
    String link = decodeQr(qr.getAttribute("src"));
    assertTrue(link.startsWith(server.baseUri + "/handoff?t="), link);
    assertTrue(link.length() < 120, "a short link makes a QR code phones read easily: " + link);
    assertEquals(link, browser.findElement(By.id("handoff-link")).getAttribute("textContent"), "the same link, to type");
    assertEquals("Step 1 of 2", text("progress"));
    assertTrue(text("handoff").contains("It works once, for 10 minutes."), text("handoff"));
    screenshot("desktop-qr");

    // The phone: the link opens the same process, then leaves the address bar.
    browser = otherBrowser("en", Device.PHONE);
    WebDriver phone = browser;
    browser.get(link);
    waitFor(By.id("progress"));
    assertEquals(processId, processId());
    assertTrue(browser.getCurrentUrl().endsWith("/flow.xhtml?process_id=" + processId), browser.getCurrentUrl());
    assertTrue(browser.findElements(By.id("handoff-offer")).isEmpty(), "a phone is not offered the phone");
    assertEquals("Verify your e-mail", text("step-title"));
    type("send:destination", address);
    click("send:send-code");
    waitForNotice("code_sent");
    type("verify:code", mailedCode(address));
    click("verify:verify-code");
    waitForTitle("Photograph your document");
    screenshot("phone-document-step");

    // The desktop follows without anybody touching it (refresh.js; a meta refresh without script).
    browser = desktop;
    patiently(Duration.ofSeconds(30)).withMessage(() -> "the desktop did not follow:\n" + desktop.getPageSource())
        .until(whilePageReplaced(d -> d.findElements(By.id("handoff")).stream()
            .anyMatch(e -> "taken".equals(e.getAttribute("data-state")))
            && "Step 2 of 2".equals(d.findElement(By.id("progress")).getText())));
    assertTrue(browser.findElements(By.id("handoff-qr")).isEmpty(), "the used code is gone");
    assertEquals("You are continuing on your phone. This page shows your progress.", text("handoff-taken"));
    screenshot("desktop-following");

    browser = phone;
    new Select(browser.findElement(By.id("document:country"))).selectByValue("CO");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("national-id");
    upload("document:front", images.front());
    upload("document:back", images.back("19880621"));
    click("document:upload-document");
    assertEquals("success", waitFor(By.id("outcome")).getAttribute("data-status"), browser.getPageSource());
    screenshot("phone-finished");

    browser = desktop;
    WebElement outcome = patiently(Duration.ofSeconds(30)).withMessage(() -> "no outcome on the desktop:\n" + desktop.getPageSource())
        .until(whilePageReplaced(d -> d.findElements(By.id("outcome")).stream().findFirst().orElse(null)));
    assertEquals("success", outcome.getAttribute("data-status"));
    assertEquals("The verification finished on your phone.", text("handoff-done"));
    assertTrue(browser.findElements(By.cssSelector("meta[name=idforge-refresh]")).isEmpty(), "nothing more to follow");
    assertFalse(browser.getPageSource().contains("http-equiv=\"refresh\""), "nothing more to follow, without script either");
    screenshot("desktop-outcome");
    assertEquals("success", result(processId).getString("status"));

    // The link works once: another phone gets a clear page, and so does a forged one.
    browser = otherBrowser("en", Device.PHONE);
    browser.get(link);
    WebElement used = waitFor(By.id("problem"));
    assertEquals("410", used.getAttribute("data-status"));
    assertEquals("handoff.used", used.getAttribute("data-code"));
    assertEquals("This link was already used: each code works once. Ask for a new one on the computer.", used.getText());
    screenshot("link-used");
    HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(link)).header("Accept-Language", "es").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(410, again.statusCode());
    assertTrue(again.body().contains("Este enlace ya se usó"), again.body());
    assertFalse(again.headers().firstValue("Set-Cookie").isPresent(), "no session for a used link");
    HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri + "/handoff?t=forged")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(404, forged.statusCode());
    JsonObject result = result(processId);
    assertEquals(2, result.getJsonArray("validations").size());
  }

  @Test
  void anExpiredLinkGetsAClearPageAndTheDesktopANewCode() throws Exception {
    String flowId = createFlow(HostedFlowIT.flow("Browser hand-off expiry", HostedFlowIT.email(null)));
    browser = otherBrowser("es", Device.DESKTOP);
    openLink(mintToken(flowId), null);
    String processId = processId();
    click("handoff-start:continue-on-phone");
    String first = decodeQr(waitFor(By.id("handoff-qr")).getAttribute("src"));
    // Ten minutes later (the row's times moved back: the test does not wait).
    try (java.sql.Connection db = java.sql.DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
        java.sql.PreparedStatement q = db.prepareStatement("UPDATE process_handoff SET created_at = created_at - INTERVAL '11 minutes',"
            + " expires_at = expires_at - INTERVAL '11 minutes' WHERE process_id = ?")) {
      q.setString(1, processId);
      assertEquals(1, q.executeUpdate());
    }
    HttpResponse<String> expired = HTTP.send(HttpRequest.newBuilder(URI.create(first)).header("Accept-Language", "en").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(410, expired.statusCode());
    assertTrue(expired.body().contains("This link has expired: it works for 10 minutes. Ask for a new one on the computer."),
        expired.body());
    assertFalse(expired.headers().firstValue("Set-Cookie").isPresent(), "no session for an expired link");

    // A new code on the desktop is a new link; the old one stays refused.
    click("handoff-again:new-code");
    String second = decodeQr(waitFor(By.id("handoff-qr")).getAttribute("src"));
    assertFalse(first.equals(second), "a new link");
    screenshot("new-code");
    browser = otherBrowser("es", Device.PHONE);
    browser.get(second);
    waitFor(By.id("progress"));
    assertEquals(processId, processId());
    assertEquals("Verifica tu correo", text("step-title"));
  }

  /** The text of the QR code in a {@code data:image/png;base64,} URI, read with ZXing. */
  static String decodeQr(String dataUri) throws Exception {
    String prefix = "data:image/png;base64,";
    assertTrue(dataUri.startsWith(prefix), dataUri);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(prefix.length()))));
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(png)))).getText();
  }
}
