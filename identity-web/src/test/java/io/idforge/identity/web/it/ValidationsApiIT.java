package io.idforge.identity.web.it;

import static io.idforge.identity.core.fixtures.PublicDomainPortraits.ASTRONAUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.idforge.identity.core.fixtures.SyntheticDocuments;
import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Truora's validators API for custom front ends, black box: one whole process driven through it
 * with a web integration token only (code from GreenMail, a generated cédula, a public-domain
 * selfie through the real face engine), standalone validations with a backend key, and the
 * upload links' guarantees (signed, single use, tenant bound, expiring).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationsApiIT extends ItSupport {

  static final Pattern VLD = Pattern.compile("VLD[0-9a-f]{32}");
  static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
  static final Duration CHECK_WAIT = Duration.ofSeconds(150);

  private Tenant tenant;
  private Tenant other;
  private String flowId;
  private byte[] front;
  private byte[] back;

  @BeforeAll
  void setUp() {
    tenant = newTenant("Validations");
    other = newTenant("ValidationsOther");
    flowId = createFlow(tenant, FULL_FLOW);
    front = png(SyntheticDocuments.front(false, ASTRONAUT.headAndShoulders()));
    back = png(SyntheticDocuments.reverse("19880621"));
  }

  @Test
  void oneWholeProcessRunsThroughTheValidationsApiWithTheWebTokenOnly() throws Exception {
    String account = "va-" + UUID.randomUUID().toString().substring(0, 8);
    String address = "val." + System.nanoTime() + "@api.idforge.test";
    String token = mintToken(tenant, flowId, "account_id", account);
    String processId = processIdOf(token);

    // Step 1: e-mail. The code goes to the address of the call; a wrong one uses a retry.
    Resp created = create(token, "type", "email-verification", "email", address, "language", "en");
    assertEquals(200, created.status(), created::toString);
    JsonObject mail = created.json();
    String mailId = mail.getString("validation_id");
    assertMatches(VLD, mailId);
    assertEquals("pending", mail.getString("validation_status"));
    assertEquals(processId, mail.getString("identity_process_id"));
    assertEquals(account, mail.getString("account_id"));
    assertAbsent(mail, "instructions");
    String code = mailedCode(address);
    String wrong = code.equals("000000") ? "111111" : "000000";
    Resp wrongAnswer = api.postForm("/v1/validations/" + mailId, token, "type", "email-verification", "token", wrong);
    assertEquals(200, wrongAnswer.status(), wrongAnswer::toString);
    assertEquals("pending", wrongAnswer.json().getString("validation_status"));
    assertEquals(mail.getInt("remaining_retries") - 1, wrongAnswer.json().getInt("remaining_retries"));
    // Not the current step: the token may drive only the step its process is on.
    assertEquals(409, create(token, "type", "face-recognition").status());
    Resp right = api.postForm("/v1/validations/" + mailId, token, "type", "email-verification", "token", code);
    assertEquals(200, right.status(), right::toString);
    assertEquals("success", right.json().getString("validation_status"));
    // The code was used: the validation no longer waits for one.
    assertError(api.postForm("/v1/validations/" + mailId, token, "type", "email-verification", "token", code),
        400, 10404, "Invalid request: requested validation is no longer available");

    // Step 2: the cédula, front and back to their own links.
    Resp doc = create(token, "type", "document-validation", "country", "CO", "document_type", "national-id");
    assertEquals(200, doc.status(), doc::toString);
    String docId = doc.json().getString("validation_id");
    JsonObject links = doc.json().getJsonObject("instructions");
    assertTrue(links.getString("front_url").contains("/v1/uploads/" + docId + "/front?"), links::toString);
    assertFalse(links.getString("front_url").contains(token), "the upload link carries the token");
    Resp firstSide = put(links.getString("front_url"), "image/png", front);
    assertEquals(200, firstSide.status(), firstSide::toString);
    assertEquals("pending", firstSide.json().getString("validation_status"));
    assertEquals(409, put(links.getString("front_url"), "image/png", front).status(), "a link is single use");
    assertEquals(200, put(links.getString("reverse_url"), "image/png", back).status());
    JsonObject docDone = pollUntilDone(token, docId);
    assertEquals("success", docDone.getString("validation_status"), docDone::toString);
    assertEquals(SyntheticDocuments.NUMBER,
        docDone.getJsonObject("details").getJsonObject("document_details").getString("document_number"));

    // Step 3: the selfie, compared with the cédula's portrait by the real engine.
    Resp face = create(token, "type", "face-recognition");
    assertEquals(200, face.status(), face::toString);
    String faceId = face.json().getString("validation_id");
    JsonObject faceLinks = face.json().getJsonObject("instructions");
    assertAbsent(faceLinks, "front_url");
    assertEquals(200, put(faceLinks.getString("file_upload_link"), "image/png", ASTRONAUT.bytes()).status());
    JsonObject faceDone = pollUntilDone(token, faceId);
    assertEquals("success", faceDone.getString("validation_status"), faceDone::toString);

    Resp result = api.get("/v1/processes/" + processId + "/result", tenant.apiKey());
    assertEquals(200, result.status(), result::toString);
    assertEquals("success", result.json().getString("status"));
    List<String> ids = ids(result, "validations", "validation_id");
    assertEquals(List.of(mailId, docId, faceId), ids);
    for (JsonValue v : result.array("validations")) {
      assertEquals("success", v.asJsonObject().getString("validation_status"));
    }
    // The finished process takes no more validations from its token.
    assertEquals(409, create(token, "type", "face-recognition").status());
  }

  @Test
  void aStandaloneDocumentThenASelfieOfTheSameAccountSucceed() {
    Resp doc = create(tenant.apiKey(), "type", "document-validation", "country", "CO", "document_type", "national-id");
    assertEquals(200, doc.status(), doc::toString);
    JsonObject v = doc.json();
    String account = v.getString("account_id");
    assertMatches(ACC, account);
    assertAbsent(v, "identity_process_id");
    assertEquals(200, put(v.getJsonObject("instructions").getString("front_url"), "image/png", front).status());
    assertEquals(200, put(v.getJsonObject("instructions").getString("reverse_url"), "image/png", back).status());
    JsonObject done = pollUntilDone(tenant.apiKey(), v.getString("validation_id"));
    assertEquals("success", done.getString("validation_status"), done::toString);
    assertTrue(done.getString("front_image").contains("/v1/media/"), done::toString);
    // Without show_details: no details and no image links.
    JsonObject brief = api.get("/v1/validations/" + v.getString("validation_id"), tenant.apiKey()).json();
    assertAbsent(brief, "details");
    assertAbsent(brief, "front_image");

    // No enrollment: the selfie is compared with the account's verified document.
    Resp face = create(tenant.apiKey(), "type", "face-recognition", "account_id", account, "threshold", "0.6");
    assertEquals(200, face.status(), face::toString);
    assertEquals(0.6, face.json().getJsonNumber("threshold").doubleValue());
    String faceLink = face.json().getJsonObject("instructions").getString("file_upload_link");
    assertEquals(200, put(faceLink, "image/png", ASTRONAUT.bytes()).status());
    JsonObject faceDone = pollUntilDone(tenant.apiKey(), face.json().getString("validation_id"));
    assertEquals("success", faceDone.getString("validation_status"), faceDone::toString);

    Resp history = api.get("/v1/accounts/" + account + "/validations", tenant.apiKey());
    assertEquals(200, history.status(), history::toString);
    assertEquals(List.of(face.json().getString("validation_id"), v.getString("validation_id")),
        ids(history, "history", "validation_id"));
    assertEquals("/v1/accounts/" + account + "/validations", history.json().getString("self"));
    assertError(api.get("/v1/accounts/" + account + "/validations", other.apiKey()), 404, 10404, "Validation account not found");
  }

  @Test
  void uploadLinksAreSignedTenantBoundSingleUseAndExpire() throws Exception {
    JsonObject v = create(tenant.apiKey(), "type", "document-validation", "country", "CO", "document_type", "national-id").json();
    String frontUrl = v.getJsonObject("instructions").getString("front_url");
    JsonObject foreign =
        create(other.apiKey(), "type", "document-validation", "country", "CO", "document_type", "national-id").json();

    Matcher sig = Pattern.compile("Signature=([A-Za-z0-9_-]+)").matcher(frontUrl);
    assertTrue(sig.find());
    String forged = frontUrl.replace(sig.group(1), new StringBuilder(sig.group(1)).reverse().toString());
    assertError(put(forged, "image/png", front), 403, 10403, "Forbidden: the upload link is invalid or has expired");
    String prolonged = frontUrl.replaceFirst("Expires=(\\d+)", "Expires=4102444800");
    assertEquals(403, put(prolonged, "image/png", front).status());
    String otherTenants = frontUrl.replace(v.getString("validation_id"), foreign.getString("validation_id"));
    assertEquals(403, put(otherTenants, "image/png", front).status());
    assertEquals(403, put(frontUrl.replace("/front?", "/reverse?"), "image/png", front).status(), "side is signed");
    assertEquals(415, put(frontUrl, "text/plain", front).status());
    // No API key is needed, and none is accepted instead of the signature.
    Resp bare = api.send(api.request(frontUrl.replaceFirst("\\?.*$", ""), tenant.apiKey())
        .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(front)));
    assertEquals(403, bare.status(), bare::toString);

    assertEquals(200, put(frontUrl, "image/png", front).status());
    assertError(put(frontUrl, "image/png", front), 409, 10409, "This upload link has already been used");

    // A passport has no back: no reverse_url.
    JsonObject passport = create(tenant.apiKey(), "type", "document-validation", "country", "ALL", "document_type", "passport").json();
    assertAbsent(passport.getJsonObject("instructions"), "reverse_url");

    // A link lives as long as its validation waits; then the validation reads expired.
    JsonObject shortLived =
        create(tenant.apiKey(), "type", "face-recognition", "account_id", "short-lived", "timeout", "1").json();
    Thread.sleep(2_100);
    assertEquals(403, put(shortLived.getJsonObject("instructions").getString("file_upload_link"), "image/png",
        ASTRONAUT.bytes()).status());
    JsonObject expired = api.get("/v1/validations/" + shortLived.getString("validation_id"), tenant.apiKey()).json();
    assertEquals("failure", expired.getString("validation_status"));
    assertEquals("expired", expired.getString("failure_status"));
    assertEquals("input_file_not_uploaded", expired.getString("expired_reason"));
  }

  @Test
  void retryOfIdContinuesAFailedValidationsAllowance() {
    String account = "retry-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject first = failedDocument(account, null, "allowed_retries", "2");
    assertEquals(2, first.getInt("remaining_retries"));
    // Not failed (yet): no retry of a pending validation.
    JsonObject pending =
        create(tenant.apiKey(), "type", "document-validation", "account_id", account, "country", "CO",
            "document_type", "national-id").json();
    assertInvalid(retry(account, pending.getString("validation_id")), "Invalid request: retry_of_id must name a failed validation");
    assertInvalid(retry("someone-else", first.getString("validation_id")),
        "Invalid request: retry_of_id must name a validation of the same account_id and type");
    assertInvalid(create(other.apiKey(), "type", "document-validation", "account_id", account, "country", "CO",
            "document_type", "national-id", "retry_of_id", first.getString("validation_id")),
        "Invalid request: retry_of_id " + first.getString("validation_id") + " is not a validation of this client");

    JsonObject second = failedDocument(account, first.getString("validation_id"));
    assertEquals(1, second.getInt("remaining_retries"));
    JsonObject third = failedDocument(account, second.getString("validation_id"));
    assertEquals(0, third.getInt("remaining_retries"));
    assertInvalid(retry(account, third.getString("validation_id")), "Invalid request: retry_of_id has no retries left");
  }

  @Test
  void aFileOverThirtyMebibytesIsRefusedBeforeItIsRead() {
    JsonObject v = create(tenant.apiKey(), "type", "face-recognition", "account_id", "big-" + UUID.randomUUID()).json();
    String link = v.getJsonObject("instructions").getString("file_upload_link");
    assertError(put(link, "image/png", new byte[30 * 1024 * 1024 + 1]), 413, 10400,
        "Invalid request: the request body is too large");
    // Nothing was taken: the link still works.
    assertEquals(200, put(link, "image/png", ASTRONAUT.bytes()).status());
  }

  @Test
  void aWebTokenCannotEnrolNorReadAccounts() {
    String token = mintToken(tenant, flowId);
    processIdOf(token);
    assertEquals(403, api.postForm("/v1/enrollments", token,
        "type", "face-recognition", "user_authorized", "true", "account_id", "someone").status());
    assertEquals(403, api.get("/v1/accounts/someone/validations", token).status());
  }

  @Test
  void unknownForeignAndOtherProcessesValidationsAreNotFound() {
    assertError(api.get("/v1/validations/VLD00000000000000000000000000000000", tenant.apiKey()), 404, 10404, "Validation not found");
    JsonObject mine =
        create(tenant.apiKey(), "type", "face-recognition", "account_id", "private-" + UUID.randomUUID()).json();
    String id = mine.getString("validation_id");
    assertError(api.get("/v1/validations/" + id, other.apiKey()), 404, 10404, "Validation not found");
    String token = mintToken(tenant, flowId);
    processIdOf(token);
    assertError(api.get("/v1/validations/" + id, token), 404, 10404, "Validation not found");
    assertError(api.postForm("/v1/validations/" + id, other.apiKey(), "type", "face-recognition", "token", "123456"),
        404, 10404, "Validation not found");
  }

  @Test
  void badInputNamesTheFieldAndAStaleCodeIsNoLongerAvailable() throws Exception {
    assertInvalid(create(tenant.apiKey(), "type", "face-recognition", "account_id", "x", "threshold", "2"),
        "Invalid request: invalid threshold: threshold must be a number between 0 and 1");
    assertInvalid(api.postForm("/v1/validations", tenant.apiKey(), "type", "face-recognition", "account_id", "x"),
        "Invalid request: user_authorized must be true: the user must authorize the validation");
    assertInvalid(create(tenant.apiKey(), "type", "email-verification", "email", "a@b.co"),
        "Invalid request: account_id is required for email-verification");
    assertInvalid(create(tenant.apiKey(), "type", "email-verification", "account_id", "no-mail-" + UUID.randomUUID()),
        "Invalid request: email is required: the account has no enrolled e-mail");

    String address = "stale." + System.nanoTime() + "@api.idforge.test";
    JsonObject v = create(tenant.apiKey(), "type", "email-verification", "account_id", "stale-" + UUID.randomUUID(),
        "email", address, "timeout", "1").json();
    String code = mailedCode(address);
    Thread.sleep(2_100);
    assertError(api.postForm("/v1/validations/" + v.getString("validation_id"), tenant.apiKey(),
            "type", "email-verification", "token", code),
        400, 10404, "Invalid request: requested validation is no longer available");
    JsonObject after = api.get("/v1/validations/" + v.getString("validation_id"), tenant.apiKey()).json();
    assertEquals("expired", after.getString("failure_status"));
    assertEquals("validation_not_performed", after.getString("expired_reason"));
  }

  @Test
  void aFaceEnrollmentIsTheReferenceOfTheAccountsLaterSelfies() {
    String account = "enr-" + UUID.randomUUID().toString().substring(0, 8);
    Resp enrolled = api.postForm("/v1/enrollments", tenant.apiKey(),
        "type", "face-recognition", "user_authorized", "true", "account_id", account);
    assertEquals(200, enrolled.status(), enrolled::toString);
    JsonObject e = enrolled.json();
    assertEquals("pending", e.getString("status"));
    assertEquals("waiting_file_upload", e.getString("reason"));
    String link = e.getString("file_upload_link");
    assertTrue(link.contains("max-size=5242880"), link);
    // The signed size cap holds: a bigger file is refused and leaves the link unused.
    byte[] tooBig = java.util.Arrays.copyOf(ASTRONAUT.bytes(), 5 * 1024 * 1024 + 1);
    assertInvalid(put(link, "image/png", tooBig),
        "Invalid request: the file is larger than the link's max-size of 5242880 bytes");
    assertEquals(200, put(link, "image/png", ASTRONAUT.bytes()).status());
    assertEquals(409, put(link, "image/png", ASTRONAUT.bytes()).status(), "a link is single use");
    JsonObject read = api.get("/v1/enrollments/" + e.getString("enrollment_id"), tenant.apiKey()).json();
    assertEquals("success", read.getString("status"));
    assertAbsent(read, "file_upload_link");
    assertEquals(List.of(e.getString("enrollment_id")),
        ids(api.get("/v1/accounts/" + account + "/enrollments", tenant.apiKey()), "enrollments", "enrollment_id"));

    // The account has no document: the selfie can only have been compared with the enrollment.
    Resp face = create(tenant.apiKey(), "type", "face-recognition", "account_id", account);
    assertEquals(200, put(face.json().getJsonObject("instructions").getString("file_upload_link"), "image/png",
        ASTRONAUT.bytes()).status());
    JsonObject done = pollUntilDone(tenant.apiKey(), face.json().getString("validation_id"));
    assertEquals("success", done.getString("validation_status"), done::toString);
    assertError(api.get("/v1/enrollments/" + e.getString("enrollment_id"), other.apiKey()), 404, 10404, "Enrollment not found");
  }

  @Test
  void anEmailEnrollmentIsWhereTheAccountsCodesGo() throws Exception {
    String account = "mail-" + UUID.randomUUID().toString().substring(0, 8);
    String address = "enrolled." + System.nanoTime() + "@api.idforge.test";
    Resp enrolled = api.postForm("/v1/enrollments", tenant.apiKey(),
        "type", "email-verification", "user_authorized", "true", "account_id", account, "email", address);
    assertEquals(200, enrolled.status(), enrolled::toString);
    assertEquals("success", enrolled.json().getString("status"));
    Resp created = create(tenant.apiKey(), "type", "email-verification", "account_id", account);
    assertEquals(200, created.status(), created::toString);
    String id = created.json().getString("validation_id");
    Resp checked = api.postForm("/v1/validations/" + id, tenant.apiKey(),
        "type", "email-verification", "token", mailedCode(address));
    assertEquals(200, checked.status(), checked::toString);
    assertEquals("success", checked.json().getString("validation_status"));
    assertEquals(2, checked.json().getInt("remaining_retries"));
  }

  @Test
  void aRetriedProcessStepGetsFreshLinksAndTheSpentOnesStaySpent() {
    String retryFlow = createFlow(tenant,
        "{\"name\":\"Doc retry\",\"time_to_live\":120,\"steps\":[{\"type\":\"document-validation\","
            + "\"config\":{\"allowed_retries\":1}}]}");
    String token = mintToken(tenant, retryFlow);
    String processId = processIdOf(token);
    JsonObject first = create(token, "type", "document-validation", "country", "CO", "document_type", "national-id").json();
    String id = first.getString("validation_id");
    JsonObject links = first.getJsonObject("instructions");
    byte[] blurred = png(SyntheticDocuments.front(true, ASTRONAUT.headAndShoulders()));
    assertEquals(200, put(links.getString("front_url"), "image/png", blurred).status());
    assertEquals(200, put(links.getString("reverse_url"), "image/png", back).status());
    // The blurred front uses the step's one retry: the same validation waits for new photos.
    JsonObject retried = pollUntil(token, id, v -> v.getInt("remaining_retries") == 0);
    assertEquals("pending", retried.getString("validation_status"));
    assertEquals(409, put(links.getString("front_url"), "image/png", front).status(), "links of the spent attempt");

    JsonObject again = create(token, "type", "document-validation", "country", "CO", "document_type", "national-id").json();
    assertEquals(id, again.getString("validation_id"), "the step's live validation");
    JsonObject fresh = again.getJsonObject("instructions");
    assertNotEquals(links.getString("front_url"), fresh.getString("front_url"));
    assertEquals(200, put(fresh.getString("front_url"), "image/png", front).status());
    assertEquals(200, put(fresh.getString("reverse_url"), "image/png", back).status());
    assertEquals("success", pollUntilDone(token, id).getString("validation_status"));
    assertEquals("success", api.get("/v1/processes/" + processId + "/result", tenant.apiKey()).json().getString("status"));
  }

  // ---------------------------------------------------------------- helpers

  /** A document validation that fails at once: its front is not a picture. */
  private JsonObject failedDocument(String account, String retryOf, String... extra) {
    List<String> pairs = new ArrayList<>(List.of("type", "document-validation", "account_id", account,
        "country", "CO", "document_type", "national-id"));
    if (retryOf != null) {
      pairs.addAll(List.of("retry_of_id", retryOf));
    }
    pairs.addAll(List.of(extra));
    Resp r = create(tenant.apiKey(), pairs.toArray(String[]::new));
    assertEquals(200, r.status(), r::toString);
    String url = r.json().getJsonObject("instructions").getString("front_url");
    Resp upload = put(url, "image/png", "not a picture".getBytes(StandardCharsets.US_ASCII));
    assertEquals(200, upload.status(), upload::toString);
    JsonObject failed = api.get("/v1/validations/" + r.json().getString("validation_id"), tenant.apiKey()).json();
    assertEquals("failure", failed.getString("validation_status"), failed::toString);
    assertEquals("declined", failed.getString("failure_status"));
    assertNotEquals("max_retries_reached", failed.getString("declined_reason"));
    return failed;
  }

  private Resp retry(String account, String retryOf) {
    return create(tenant.apiKey(), "type", "document-validation", "account_id", account, "country", "CO",
        "document_type", "national-id", "retry_of_id", retryOf);
  }

  private static Resp create(String key, String... pairs) {
    List<String> all = new ArrayList<>(List.of("user_authorized", "true"));
    all.addAll(List.of(pairs));
    return api.postForm("/v1/validations", key, all.toArray(String[]::new));
  }

  /** PUTs raw bytes to an upload link, without any API key. */
  private static Resp put(String url, String contentType, byte[] body) {
    return api.send(api.request(url, null).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Polls with show_details until the validation is no longer pending. */
  private static JsonObject pollUntilDone(String key, String validationId) {
    return pollUntil(key, validationId, v -> !"pending".equals(v.getString("validation_status")));
  }

  /** Polls with show_details until {@code done} holds for the validation. */
  private static JsonObject pollUntil(String key, String validationId, Predicate<JsonObject> done) {
    long deadline = System.nanoTime() + CHECK_WAIT.toNanos();
    while (true) {
      Resp r = api.get("/v1/validations/" + validationId + "?show_details=true", key);
      assertEquals(200, r.status(), r::toString);
      if (done.test(r.json())) {
        return r.json();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still pending after " + CHECK_WAIT + ": " + r);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The newest code mailed to {@code address}, waiting for it to arrive. */
  private static String mailedCode(String address) throws Exception {
    var mail = ItServer.get().mail;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      MimeMessage newest = null;
      for (MimeMessage m : mail.getReceivedMessages()) {
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
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no message to " + address);
      }
      mail.waitForIncomingEmail(2_000, mail.getReceivedMessages().length + 1);
    }
  }

  private static byte[] png(BufferedImage image) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
