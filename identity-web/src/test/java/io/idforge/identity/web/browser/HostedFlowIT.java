package io.idforge.identity.web.browser;

import static io.idforge.identity.core.fixtures.PublicDomainPortraits.ASTRONAUT;
import static io.idforge.identity.core.fixtures.PublicDomainPortraits.GRACE_HOPPER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The hosted verification flow end to end, as a user completes it on a phone: headless Chromium
 * at 360 px against the built WAR on Payara Micro and PostgreSQL, one-time codes mailed to a real
 * SMTP server (GreenMail) in this JVM, generated pictures of a fictitious person. Each scenario
 * then checks what the tenant's backend sees in the result API, and leaves screenshots under
 * {@code target/browser-screenshots/<test>/}.
 */
class HostedFlowIT extends BrowserSupport {

  static final String CO_CEDULA = "\"allowed_document_types\":[{\"country\":\"CO\",\"document_types\":[\"national-id\"]}]";

  static String flow(String name, String... steps) {
    return "{\"name\":\"" + name + "\",\"time_to_live\":30,\"steps\":[" + String.join(",", steps) + "]}";
  }

  static String email(String config) {
    return "{\"type\":\"email-verification\"" + (config == null ? "" : ",\"config\":{" + config + "}") + "}";
  }

  /** A cédula step; two retries unless {@code config} says otherwise (Truora's default is none). */
  static String document(String config) {
    String retries = config != null && config.contains("allowed_retries") ? "" : ",\"allowed_retries\":2";
    return "{\"type\":\"document-validation\",\"config\":{" + CO_CEDULA + retries + (config == null ? "" : "," + config) + "}}";
  }

  /** A face step with two retries (Truora's maximum; its default is none). */
  static final String FACE = "{\"type\":\"face-recognition\",\"config\":{\"allowed_retries\":2}}";

  /** Chooses Colombia / cédula, attaches both sides and sends them. */
  void sendDocument(Path front, Path back) throws Exception {
    new Select(browser.findElement(By.id("document:country"))).selectByValue("CO");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("national-id");
    upload("document:front", front);
    upload("document:back", back);
    screenshot("document-attached");
    click("document:upload-document");
  }

  WebElement waitForOutcome() {
    return waitFor(By.id("outcome"));
  }

  /** The result of the open process, checked to be declined with {@code reason}. */
  JsonObject assertDeclined(String reason) {
    JsonObject result = result(processId());
    assertEquals("failure", result.getString("status"));
    assertEquals("declined", result.getString("failure_status"));
    assertEquals(reason, result.getString("declined_reason"));
    return result;
  }

  /** A document + face flow, opened in {@code lang}, with the cédula sent: on the selfie step. */
  void reachTheFaceStep(String flowName, String lang, Path front) throws Exception {
    String flowId = createFlow(flow(flowName, document(null), FACE));
    startBrowser(lang);
    openLink(mintToken(flowId), null);
    sendDocument(front, images.back("19880621"));
    waitFor(By.id("face:selfie"));
  }

  void sendSelfie(Path picture) {
    upload("face:selfie", picture);
    click("face:upload-selfie");
  }

  @Test
  void emailCodeThenCedulaSucceedsAndReturnsToTheTenant() throws Exception {
    String address = "ana." + System.nanoTime() + "@success.idforge.test";
    String flowId = createFlow(flow("Browser success", email(null), document(null)));
    startBrowser("es-CO,es");
    openLink(mintToken(flowId), null);
    String processId = processId();
    assertFalse(browser.getCurrentUrl().contains("token"), "the token left the URL: " + browser.getCurrentUrl());
    assertTrue(browser.getCurrentUrl().endsWith("/flow.xhtml?process_id=" + processId), browser.getCurrentUrl());
    assertEquals("Paso 1 de 2", text("progress"));
    assertEquals("0", browser.findElement(By.id("progress-bar")).getAttribute("value"), "no step is done yet");
    assertEquals("Verifica tu correo", text("step-title"));
    screenshot("email-step");

    type("send:destination", address);
    click("send:send-code");
    waitForNotice("code_sent");
    assertEquals("a•••@success.idforge.test", text("sent-to"));
    screenshot("code-sent");
    type("verify:code", mailedCode(address));
    click("verify:verify-code");

    waitForTitle("Fotografía tu documento");
    assertEquals("Paso 2 de 2", text("progress"));
    assertEquals("1", browser.findElement(By.id("progress-bar")).getAttribute("value"), "one step done, not full");
    screenshot("document-step");
    sendDocument(images.front(), images.back("19880621"));

    WebElement outcome = waitForOutcome();
    assertEquals("success", outcome.getAttribute("data-status"));
    String expectedTarget = redirectUrl() + "&process_id=" + processId;
    assertEquals(expectedTarget, browser.findElement(By.id("continue")).getAttribute("href"));
    assertEquals("¡Listo! Tu identidad fue validada.", text("outcome-title"));
    assertEquals("2", browser.findElement(By.id("progress-bar")).getAttribute("value"), "all done: full");
    // Long enough to read (WCAG 2.2.1), and the user can stay.
    WebElement redirect = browser.findElement(By.cssSelector("meta[name=idforge-refresh]"));
    assertTrue(redirect.getAttribute("content").startsWith("30;url="), redirect.getAttribute("content"));
    assertEquals("redirect", redirect.getAttribute("data-mode"));
    // Without script, a meta refresh does the same (inside <noscript>, so it never doubles the script's).
    assertTrue(browser.getPageSource().contains("<noscript><meta http-equiv=\"refresh\" content=\"30;url="), "no fallback");
    assertEquals("Quedarme en esta página", text("stay"));
    screenshot("finished");

    JsonObject result = result(processId);
    assertEquals("success", result.getString("status"));
    assertEquals(2, result.getJsonArray("validations").size());
    JsonObject mail = validation(result, "email-verification");
    JsonObject doc = validation(result, "document-validation");
    assertEquals("success", mail.getString("validation_status"));
    assertEquals("success", doc.getString("validation_status"));
    assertEquals(TestImages.NUMBER,
        doc.getJsonObject("details").getJsonObject("document_details").getString("document_number"));

    // The finished page sends the user on by itself (refresh.js) to redirect_url?...process_id=.
    patiently(Duration.ofSeconds(50))
        .withMessage("no automatic redirect to " + expectedTarget)
        .until(d -> expectedTarget.equals(d.getCurrentUrl()));
  }

  @Test
  void wrongCodesUseUpTheAttemptsThenTheProcessIsDeclined() throws Exception {
    String address = "ben." + System.nanoTime() + "@retries.idforge.test";
    String flowId = createFlow(flow("Browser retries", email("\"allowed_retries\":1")));
    startBrowser("es");
    openLink(mintToken(flowId, "emails", address), null);
    // The token preset the address: it is shown masked and cannot be changed.
    assertEquals("b•••@retries.idforge.test", text("preset"));
    assertTrue(browser.findElements(By.id("send:destination")).isEmpty());
    click("send:send-code");
    waitForNotice("code_sent");
    String real = mailedCode(address);
    String wrong = real.equals("000000") ? "111111" : "000000";

    type("verify:code", wrong);
    click("verify:verify-code");
    waitForNotice("wrong_verification_code");
    assertEquals("1", browser.findElement(By.id("attempts")).getAttribute("data-attempts"));
    assertEquals("Te queda 1 intento", text("attempts"));
    screenshot("wrong-code");
    JsonObject pending = result(processId());
    assertEquals("pending", pending.getString("status"));
    assertEquals(0, validation(pending, "email-verification").getInt("remaining_retries"));

    type("verify:code", wrong);
    click("verify:verify-code");
    WebElement outcome = waitForOutcome();
    assertEquals("failure", outcome.getAttribute("data-status"));
    assertEquals("max_retries_reached", outcome.getAttribute("data-code"));
    // What went wrong, then what to do.
    assertEquals("Usaste todos los intentos de este paso. El código no es correcto. "
        + "Para intentarlo de nuevo, pide un nuevo enlace a la empresa que te lo envió.", text("outcome-detail"));
    screenshot("declined");

    assertDeclined("max_retries_reached");
  }

  @Test
  void aBlurryFrontIsRetakenThenTheDocumentPasses() throws Exception {
    String flowId = createFlow(flow("Browser blur", document(null)));
    startBrowser("es");
    openLink(mintToken(flowId), null);
    assertEquals("Paso 1 de 1", text("progress"));
    sendDocument(images.blurredFront(), images.back("19880621"));
    waitForNotice("blurry_image");
    assertEquals("2", browser.findElement(By.id("attempts")).getAttribute("data-attempts"));
    screenshot("blurry");
    String processId = processId();
    JsonObject pending = result(processId);
    assertEquals("pending", pending.getString("status"));
    assertEquals(1, validation(pending, "document-validation").getInt("remaining_retries"));

    // The process is the source of truth: a reload still asks for the photos, with the reason.
    browser.navigate().refresh();
    waitForNotice("blurry_image");
    assertEquals("Fotografía tu documento", text("step-title"));

    sendDocument(images.front(), images.back("19880621"));
    WebElement outcome = waitForOutcome();
    assertEquals("success", outcome.getAttribute("data-status"));
    screenshot("finished");
    JsonObject result = result(processId);
    assertEquals("success", result.getString("status"));
    assertEquals("success", validation(result, "document-validation").getString("validation_status"));
  }

  @Test
  void aMinorIsDeclinedUnderTheFlowsMinimumAge() throws Exception {
    String flowId = createFlow(flow("Browser underage", document("\"minimum_age\":18")));
    startBrowser("es");
    openLink(mintToken(flowId), null);
    sendDocument(images.front(), images.back("20150101"));
    WebElement outcome = waitForOutcome();
    assertEquals("failure", outcome.getAttribute("data-status"));
    assertEquals("underage", outcome.getAttribute("data-code"));
    assertEquals("No cumples la edad mínima para continuar.", text("outcome-detail"));
    screenshot("declined");
    assertDeclined("underage");
  }

  /**
   * Needs Tesseract (the build installs it: .ci/setup-ocr.sh): without OCR a passport cannot be
   * read and the validation waits for review instead.
   */
  @Test
  void anExpiredPassportIsDeclined() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/tesseract")), "Tesseract is not installed (.ci/setup-browser.sh installs it)");
    String flowId = createFlow(flow("Browser passport",
        "{\"type\":\"document-validation\",\"config\":{\"allowed_document_types\":"
            + "[{\"country\":\"CO\",\"document_types\":[\"passport\"]}]}}"));
    startBrowser("es");
    openLink(mintToken(flowId), null);
    assertTrue(browser.findElements(By.id("document:back")).isEmpty(), "a passport-only step asks for no back");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("passport");
    upload("document:front", images.passport("200101"));
    screenshot("passport-attached");
    click("document:upload-document");
    WebElement outcome = waitForOutcome();
    screenshot("declined");
    assertEquals("document_has_expired", outcome.getAttribute("data-code"), browser.getPageSource());
    assertEquals("Tu documento está vencido.", text("outcome-detail"));
    JsonObject result = assertDeclined("document_has_expired");
    JsonObject details = validation(result, "document-validation").getJsonObject("details").getJsonObject("document_details");
    assertEquals(TestImages.PASSPORT_NUMBER, details.getString("document_number"));
  }

  @Test
  void theSamePersonPassesTheFaceStepThroughTheRealEngine() throws Exception {
    reachTheFaceStep("Browser face", "es", images.front(ASTRONAUT));
    waitForTitle("Tómate una selfie");
    assertEquals("Paso 2 de 2", text("progress"));
    WebElement selfie = browser.findElement(By.id("face:selfie"));
    assertEquals("user", selfie.getAttribute("capture"));
    assertEquals("image/jpeg,image/png,image/webp", selfie.getAttribute("accept"));
    screenshot("face-step");
    sendSelfie(images.selfie(ASTRONAUT));
    WebElement outcome = waitForOutcome();
    screenshot("finished");
    assertEquals("success", outcome.getAttribute("data-status"), browser.getPageSource());

    JsonObject result = result(processId());
    assertEquals("success", result.getString("status"));
    JsonObject face = validation(result, "face-recognition");
    assertEquals("success", face.getString("validation_status"));
    JsonObject scores = face.getJsonObject("details").getJsonObject("face_recognition_validations");
    assertEquals("success", scores.getString("similarity_status"));
    double similarity = scores.getJsonNumber("confidence_score").doubleValue();
    assertTrue(similarity >= 0.65 && similarity <= 1, "similarity " + similarity);
    assertEquals(0.65, face.getJsonNumber("threshold").doubleValue(), 1e-9);

    // The tenant's backend (or its reviewer) reads the selfie back through a short-lived link.
    HttpResponse<byte[]> photo = HTTP.send(
        HttpRequest.newBuilder(URI.create(face.getString("face_photo"))).header("Truora-API-Key", apiKey).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, photo.statusCode());
    assertArrayEquals(ASTRONAUT.bytes(), photo.body());
  }

  @Test
  void anotherPersonsSelfieUsesTheStepsRetriesAsTheApiSaysThenIsDeclined() throws Exception {
    reachTheFaceStep("Browser impostor", "es", images.front(ASTRONAUT));

    // A picture the engine cannot read: a retry.
    sendSelfie(images.damagedWebp());
    waitForNotice("file_format_not_supported");
    assertEquals("No pudimos leer esa foto. Tómala de nuevo.", text("notice-text"));
    assertEquals("2", browser.findElement(By.id("attempts")).getAttribute("data-attempts"));
    assertEquals(1, validation(result(processId()), "face-recognition").getInt("remaining_retries"));

    // A face that does not match uses one of the step's retries too, as remaining_retries says.
    sendSelfie(images.selfie(GRACE_HOPPER));
    waitForNotice("similarity_threshold_not_passed");
    assertEquals("Tu selfie no coincide con la foto del documento.", text("notice-text"));
    assertEquals("1", browser.findElement(By.id("attempts")).getAttribute("data-attempts"));
    screenshot("mismatch-retry");
    assertEquals(0, validation(result(processId()), "face-recognition").getInt("remaining_retries"),
        "the page's one attempt left is the API's remaining_retries 0 (plus this attempt)");

    // Another person on the last attempt: no attempt left, and the page says why and what to do.
    sendSelfie(images.selfie(GRACE_HOPPER));
    WebElement outcome = waitForOutcome();
    screenshot("declined");
    assertEquals("failure", outcome.getAttribute("data-status"));
    assertEquals("max_retries_reached", outcome.getAttribute("data-code"));
    assertEquals("Usaste todos los intentos de este paso. Tu selfie no coincide con la foto del documento. "
        + "Para intentarlo de nuevo, pide un nuevo enlace a la empresa que te lo envió.", text("outcome-detail"));

    JsonObject result = assertDeclined("max_retries_reached");
    JsonObject face = validation(result, "face-recognition");
    assertEquals("failure", face.getString("validation_status"));
    assertEquals(0, face.getInt("remaining_retries"));
    JsonObject scores = face.getJsonObject("details").getJsonObject("face_recognition_validations");
    assertEquals("failure", scores.getString("similarity_status"));
    double similarity = scores.getJsonNumber("confidence_score").doubleValue();
    assertTrue(similarity >= 0 && similarity < 0.65, "similarity " + similarity);
  }

  @Test
  void aDocumentWithoutAPortraitFailsTheFaceStepWithFaceNotDetected() throws Exception {
    reachTheFaceStep("Browser no portrait", "en", images.frontWithoutPortrait());
    // "Send selfie" with no file: a field error that costs no attempt.
    click("face:upload-selfie");
    waitForNotice("file_required");
    assertEquals("Choose a photo before sending.", text("notice-text"));
    assertTrue(browser.findElements(By.id("attempts")).isEmpty(), "no attempt used, none counted");
    assertEquals(2, validation(result(processId()), "face-recognition").getInt("remaining_retries"));
    sendSelfie(images.selfie(ASTRONAUT));
    WebElement outcome = waitForOutcome();
    screenshot("declined");
    assertEquals("failure", outcome.getAttribute("data-status"));
    assertEquals("face_not_detected", outcome.getAttribute("data-code"));
    assertEquals("We found no portrait on your document.", text("outcome-detail"));
    JsonObject result = result(processId());
    assertEquals("face_not_detected", result.getString("declined_reason"));
    assertEquals("success", validation(result, "document-validation").getString("validation_status"));
    assertEquals("failure", validation(result, "face-recognition").getString("validation_status"));
  }

  @Test
  void revokingTheTokenEndsAnOpenSession() throws Exception {
    String flowId = createFlow(flow("Browser revoke", document(null)));
    startBrowser("en");
    String token = mintToken(flowId);
    openLink(token, null);
    waitFor(By.id("document:front"));
    String processId = processId();
    String jti = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
    send(api("/v1/api-keys/" + jti).DELETE(), 200);

    // The token left the URL at the first open, but the open page is now refused all the same.
    browser.navigate().refresh();
    WebElement gone = waitFor(By.id("no-link"));
    assertEquals("link_gone", gone.getAttribute("data-code"));
    assertEquals("This link has expired or was revoked. Ask the company that sent it for a new one.", gone.getText());
    assertTrue(browser.findElements(By.id("document:front")).isEmpty(), "the document form is gone");
    screenshot("revoked");
    assertEquals("pending", result(processId).getString("status"));
  }

  @Test
  void theUserCancelsWithAReason() throws Exception {
    String flowId = createFlow(flow("Browser cancel", document(null), FACE));
    startBrowser("es");
    openLink(mintToken(flowId), null);
    click("cancel-open");
    new Select(browser.findElement(By.id("cancel:reason"))).selectByValue("dont_want_to_continue");
    assertEquals("No quiero continuar",
        new Select(browser.findElement(By.id("cancel:reason"))).getFirstSelectedOption().getText());
    screenshot("cancel-open");
    click("cancel:confirm-cancel");
    WebElement outcome = waitForOutcome();
    assertEquals("failure", outcome.getAttribute("data-status"));
    assertEquals("canceled", outcome.getAttribute("data-code"));
    // A choice the user made, shown neutrally: not a red failure.
    assertTrue(outcome.getAttribute("class").contains("neutral"), outcome.getAttribute("class"));
    assertEquals("Cancelaste la validación.", text("outcome-title"));
    assertTrue(text("outcome-detail").startsWith("No enviamos nada más."), text("outcome-detail"));
    screenshot("canceled");
    // "Stay on this page" turns the automatic redirect off.
    click("stay");
    waitFor(By.id("outcome"));
    assertTrue(browser.getCurrentUrl().endsWith("&stay=1"), browser.getCurrentUrl());
    assertTrue(browser.findElements(By.cssSelector("meta[name=idforge-refresh]")).isEmpty(), "no redirect after stay");
    assertFalse(browser.getPageSource().contains("http-equiv=\"refresh\""), "no redirect after stay, with or without script");
    assertTrue(browser.findElements(By.id("stay")).isEmpty());
    JsonObject result = assertDeclined("canceled");
    assertEquals("dont_want_to_continue",
        result.getJsonArray("validations").getJsonObject(0).getString("declined_reason"),
        "the step the user left records the reason picked");
  }

  @Test
  void theLanguageFollowsTheLangParameterThenTheBrowser() throws Exception {
    String flowId = createFlow(flow("Browser languages",
        "{\"type\":\"document-validation\",\"config\":{\"allowed_document_types\":["
            + "{\"country\":\"CO\",\"document_types\":[\"national-id\",\"passport\"]},"
            + "{\"country\":\"BR\",\"document_types\":[\"national-id\"]}]}}"));
    // ?lang=pt wins over the browser's Spanish, and the session remembers it.
    startBrowser("es");
    openLink(mintToken(flowId), "pt");
    assertEquals("Passo 1 de 1", text("progress"));
    assertEquals("Fotografe seu documento", text("step-title"));
    assertEquals("pt", browser.findElement(By.tagName("html")).getAttribute("lang"));
    // The countries are the flow's; Portuguese preselects Brazil.
    Select country = new Select(browser.findElement(By.id("document:country")));
    assertEquals(2, country.getOptions().size());
    assertEquals("BR", country.getFirstSelectedOption().getAttribute("value"));
    // A passport has no back: the field hides while it is chosen (document.js).
    WebElement back = browser.findElement(By.id("document:back"));
    assertTrue(back.isDisplayed());
    new Select(browser.findElement(By.id("document:type"))).selectByValue("passport");
    assertFalse(back.isDisplayed(), "no back for a passport");
    new Select(browser.findElement(By.id("document:type"))).selectByValue("national-id");
    assertTrue(back.isDisplayed());
    assertSizesFitFingers();
    screenshot("portuguese");
    browser.navigate().refresh();
    waitForTitle("Fotografe seu documento");
    click("lang-en");
    waitForTitle("Photograph your document");
    screenshot("switched-to-english");
    browser.quit();

    // No parameter: the browser's Accept-Language (English) decides.
    startBrowser("en-US");
    openLink(mintToken(flowId), null);
    assertEquals("Step 1 of 1", text("progress"));
    assertEquals("Photograph your document", text("step-title"));
    assertEquals("CO", new Select(browser.findElement(By.id("document:country"))).getFirstSelectedOption().getAttribute("value"),
        "no token country, no country for English: the flow's first");
    screenshot("english-from-browser");

    // The problem pages speak the user's language too; a forged link is a 401 page.
    browser.get(server.baseUri + "/?token=not-a-token&lang=pt");
    WebElement problem = waitFor(By.id("problem"));
    assertEquals("401", problem.getAttribute("data-status"));
    assertEquals("Este link não é válido. Confira se você o copiou por completo.", problem.getText());
    screenshot("forged-link");
  }

  @Test
  void anOversizedPhotoIsRefusedWithAClearMessage() throws Exception {
    String flowId = createFlow(flow("Browser oversized", document(null)));
    startBrowser("en");
    openLink(mintToken(flowId), null);
    // "Send photos" with no file: a field error that costs no attempt.
    click("document:upload-document");
    waitForNotice("file_required");
    assertEquals("Choose a photo before sending.", text("notice-text"));
    assertTrue(browser.findElements(By.id("attempts")).isEmpty(), "no attempt used, none counted");
    sendDocument(images.oversized(), images.back("19880621"));
    waitForNotice("file_too_large");
    assertEquals("The photo is larger than 30 MB. Take a smaller one.", text("notice-text"));
    assertEquals("Photograph your document", text("step-title"));
    screenshot("too-large");
    JsonObject result = result(processId());
    assertEquals("pending", result.getString("status"));
    assertEquals(2, validation(result, "document-validation").getInt("remaining_retries"), "no attempt was used");
  }

  @Test
  void theWelcomeScreenAsksForTheDataAuthorizationRefusedThenGiven() throws Exception {
    String flowId = createFlow("{\"name\":\"Browser consent\",\"time_to_live\":30,"
        + "\"privacy_notice_url\":\"https://acme.example/privacy\",\"display_name\":\"Tienda Acme\","
        + "\"logo_url\":\"https://cdn.acme.example/logo.png\",\"primary_color\":\"#0B6E4F\","
        + "\"support_contact\":\"ayuda@acme.example\","
        + "\"steps\":[" + email(null) + "," + document(null) + "]}");
    startBrowser("es");
    openLink(mintToken(flowId), null);
    assertEquals("Antes de empezar", text("step-title"));
    assertTrue(text("welcome").contains("Tienda Acme te pide validar tu identidad."), text("welcome"));
    assertEquals("confirmar tu correo con un código\nfotografiar tu documento de identidad", text("consent-steps"));
    assertEquals("https://acme.example/privacy", browser.findElement(By.id("privacy-notice")).getAttribute("href"));
    assertTrue(browser.findElements(By.id("document:front")).isEmpty(), "no step before the answer");
    // Branding: the flow's colour (a CSS variable, by a CSP nonce), logo and support contact.
    assertEquals("rgba(11, 110, 79, 1)", browser.findElement(By.id("consent:accept")).getCssValue("background-color"));
    assertEquals("https://cdn.acme.example/logo.png", browser.findElement(By.id("brand-logo")).getAttribute("src"));
    assertEquals("Tienda Acme", browser.findElement(By.id("brand-logo")).getAttribute("alt"));
    assertEquals("ayuda@acme.example", text("support-contact"));
    assertSizesFitFingers();
    screenshot("welcome");

    // Accepting without checking the box records nothing.
    click("consent:accept");
    waitForNotice("authorization_required");
    String refusedId = processId();
    assertFalse(result(refusedId).containsKey("consent"));
    click("consent:refuse");
    WebElement outcome = waitForOutcome();
    assertEquals("data_authorization_not_provided", outcome.getAttribute("data-code"));
    assertTrue(outcome.getAttribute("class").contains("neutral"), outcome.getAttribute("class"));
    assertEquals("No diste la autorización.", text("outcome-title"));
    screenshot("refused");
    JsonObject refused = assertDeclined("data_authorization_not_provided");
    JsonObject no = refused.getJsonObject("consent");
    assertEquals("refused", no.getString("status"));
    assertEquals("1/es", no.getString("text_version"));
    assertFalse(no.getString("user_agent").isBlank());
    assertFalse(no.getString("ip_address").isBlank());
    browser.quit();

    startBrowser("en");
    openLink(mintToken(flowId), null);
    assertEquals("Before you start", text("step-title"));
    click("consent:authorize");
    click("consent:accept");
    waitForTitle("Verify your e-mail");
    JsonObject given = result(processId()).getJsonObject("consent");
    assertEquals("given", given.getString("status"));
    assertEquals("1/en", given.getString("text_version"));
    assertTrue(given.getString("user_agent").contains("Chrome"), given.getString("user_agent"));
    assertTrue(given.containsKey("creation_date"));
    screenshot("given");

    // The code's e-mail is branded too: the tenant's name and support contact (colour: OtpMessagesTest).
    String address = "eva." + System.nanoTime() + "@brand.idforge.test";
    type("send:destination", address);
    click("send:send-code");
    waitForNotice("code_sent");
    mailedCode(address);
    jakarta.mail.internet.MimeMessage mail = java.util.Arrays.stream(server.mail.getReceivedMessages())
        .filter(m -> { try { return m.getAllRecipients()[0].toString().contains(address); } catch (Exception e) { return false; } })
        .findFirst().orElseThrow();
    assertTrue(mail.getSubject().contains("Tienda Acme"), mail.getSubject());
    String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
    assertTrue(body.contains("ayuda@acme.example"), body);
  }

  @Test
  void theCameraCapturesWithHintsPreviewAndRetakeIntoTheFileInput() throws Exception {
    String flowId = createFlow(flow("Browser camera", document(null)));
    // Cameras that film darkness, a smooth gradient (nothing sharp), a sharp pattern too small in
    // the frame: the on-device hint says so before anything is sent, and the shutter waits.
    assertCameraHint(flowId, "dark", "Too dark: find more light.", y4m(320, 240, 5, (x, y) -> 18));
    assertCameraHint(flowId, "blurred", "Blurred: hold steady and focus.", y4m(320, 240, 5, (x, y) -> 80 + x / 3));
    assertCameraHint(flowId, "far", "Come closer: the document should fill the frame.",
        y4m(320, 240, 5, (x, y) -> x > 130 && x < 190 && y > 100 && y < 140 ? checker(x, y, 8) : 128));

    // A sharp document filling the frame: every hint is good, and after a steady second the
    // shutter fires by itself (the button stays for those who prefer it).
    Path sharp = server.buildDir.resolve("sharp-" + System.nanoTime() + ".y4m");
    Files.write(sharp, y4m(320, 240, 5, (x, y) -> checker(x, y, 16)));
    startBrowser("en", "--use-file-for-fake-video-capture=" + sharp);
    openLink(mintToken(flowId), null);
    click("document:front-camera");
    WebElement auto = browser.findElement(By.id("document:front-camera-hint"));
    WebElement shot = waitFor(By.cssSelector("#document\\:front-camera-panel img.camera-preview"));
    patiently().withMessage(() -> "no automatic shot; hint " + auto.getAttribute("data-hint") + " span "
        + auto.getAttribute("data-span")).until(d -> shot.isDisplayed());
    assertEquals("auto", auto.getAttribute("data-shutter"));
    assertEquals(1L, ((Number) js("return document.getElementById('document:front').files.length")).longValue());
    screenshot("camera-auto-shutter");
    browser.quit();

    // Chromium's moving test pattern: capture, preview, retake, capture, send with the form.
    startBrowser("en");
    openLink(mintToken(flowId), null);
    assertTrue(browser.findElement(By.id("document:front")).isDisplayed(), "the file input stays");
    // This part presses the shutter itself: the automatic one is off (data-auto="off").
    js("document.getElementById('document:front').closest('.field').dataset.auto = 'off'");
    click("document:front-camera");
    WebElement live = browser.findElement(By.id("document:front-camera-hint"));
    patiently().withMessage("no hint").until(d -> HINTS.contains(String.valueOf(live.getAttribute("data-hint"))));
    screenshot("camera-live");
    click("document:front-camera-shoot");
    WebElement preview = waitFor(By.cssSelector("#document\\:front-camera-panel img.camera-preview"));
    patiently().until(d -> preview.isDisplayed());
    assertTrue(Integer.parseInt(preview.getAttribute("data-width")) >= 640, "full resolution: " + preview.getAttribute("data-width"));
    assertEquals("image/jpeg", js("return document.getElementById('document:front').files[0].type"));
    assertTrue(((Number) js("return document.getElementById('document:front').files[0].size")).longValue() > 1000);
    screenshot("camera-preview");
    click("document:front-camera-retake");
    patiently().until(d -> !preview.isDisplayed());
    assertEquals(0L, ((Number) js("return document.getElementById('document:front').files.length")).longValue(), "retake empties the field");
    patiently().until(d -> HINTS.contains(String.valueOf(live.getAttribute("data-hint"))));
    click("document:front-camera-shoot");
    patiently().until(d -> preview.isDisplayed());
    assertEquals(1L, ((Number) js("return document.getElementById('document:front').files.length")).longValue());

    // The normal form post sends the captured photo: the validation now has a front image.
    String processId = processId();
    upload("document:back", images.back("19880621"));
    click("document:upload-document");
    patiently().withMessage("the captured front never reached the server")
        .until(d -> validation(result(processId), "document-validation").containsKey("front_image"));
    screenshot("camera-sent");
  }

  @Test
  void aPrimaryColourBelowWcagAaIsRefusedAtSaveNamingTheField() {
    String body = send(api("/v1/flows").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Pale\",\"primary_color\":\"#ffdd00\",\"steps\":["
            + document(null) + "]}")), 400);
    assertTrue(body.contains("primary_color #ffdd00 has a contrast of 1.35:1 against white"), body);
  }

  /** Every hint the live capture can show. */
  static final java.util.List<String> HINTS = java.util.List.of("ok", "dark", "glare", "blurred", "far", "noface", "twofaces");

  /** Opens the document step with a fake camera filming {@code video} and waits for the hint {@code kind}. */
  void assertCameraHint(String flowId, String kind, String text, byte[] video) throws Exception {
    Path file = server.buildDir.resolve(kind + "-" + System.nanoTime() + ".y4m");
    Files.write(file, video);
    startBrowser("en", "--use-file-for-fake-video-capture=" + file);
    openLink(mintToken(flowId), null);
    click("document:front-camera");
    WebElement hint = browser.findElement(By.id("document:front-camera-hint"));
    patiently().withMessage(() -> "no " + kind + " hint: " + hint.getAttribute("data-hint") + " luma "
        + hint.getAttribute("data-brightness") + " sharpness " + hint.getAttribute("data-sharpness") + " span "
        + hint.getAttribute("data-span")).until(d -> kind.equals(hint.getAttribute("data-hint")));
    assertEquals(text, hint.getText());
    screenshot("camera-" + kind);
    Thread.sleep(1500); // longer than the automatic shutter's steady second
    assertTrue(browser.findElement(By.id("document:front-camera-shoot")).isDisplayed(), "no automatic shot on a bad hint");
    assertEquals(0L, ((Number) js("return document.getElementById('document:front').files.length")).longValue());
    browser.quit();
    browser = null;
  }

  static int checker(int x, int y, int square) {
    return ((x / square + y / square) & 1) == 0 ? 40 : 220;
  }

  Object js(String script) {
    return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script);
  }

  /** A YUV4MPEG2 (4:2:0) grey video of {@code frames} frames whose luma at (x, y) is {@code luma}. */
  static byte[] y4m(int width, int height, int frames, java.util.function.IntBinaryOperator luma) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] y = new byte[width * height];
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        y[r * width + c] = (byte) Math.max(0, Math.min(255, luma.applyAsInt(c, r)));
      }
    }
    byte[] uv = new byte[width * height / 4];
    java.util.Arrays.fill(uv, (byte) 128);
    for (int f = 0; f < frames; f++) {
      out.writeBytes("FRAME\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.writeBytes(y);
      out.writeBytes(uv);
      out.writeBytes(uv);
    }
    return out.toByteArray();
  }

  /** Every control at least 44 px tall (WCAG 2.5.8 and platform guides), every input at 16 px. */
  void assertSizesFitFingers() {
    Object small = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "var bad = [];"
            + "document.querySelectorAll('a, input, select, summary, button').forEach(function (e) {"
            + "  var r = e.getBoundingClientRect(); if (r.width === 0 && r.height === 0) return;"
            + "  if (r.height < 44) bad.push((e.id || e.tagName) + ' is ' + r.height + ' px tall');"
            + "  if (e.matches('input, select') && parseFloat(getComputedStyle(e).fontSize) < 16)"
            + "    bad.push((e.id || e.tagName) + ' font ' + getComputedStyle(e).fontSize);"
            + "});"
            + "return bad.join('; ');");
    assertEquals("", small);
  }
}
