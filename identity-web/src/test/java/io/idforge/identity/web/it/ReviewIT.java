package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.fixtures.SyntheticDocuments;
import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Manual review and overrides, black box: a document step with {@code manual_review: enabled}
 * gets a cédula whose barcode says the holder was born in 1900 ({@code age_above_threshold}, a
 * reason that triggers review), uploaded to the step's signed links with the user's web token; a reviewer then works
 * the task through {@code /v1/reviews} and an operator overrides the outcome through
 * {@code /v1/processes/{id}/override}. The shared server runs the face engine, so review is
 * reached through the document step here; the selfie-waits-with-the-engine-off case is in
 * {@code ReviewInContainerIT}.
 */
class ReviewIT extends ItSupport {

  static final Pattern REV = Pattern.compile("REV[0-9a-f]{32}");

  private static final byte[] FRONT = png(SyntheticDocuments.front(false));
  private static final byte[] CENTENARIAN_BACK = png(SyntheticDocuments.reverse("19000101"));

  /** A process waiting for a reviewer, and its task. */
  record InReview(Tenant tenant, String processId, String reviewId) {}

  /** A document-only flow with review on, a user who uploads a centenarian's cédula. */
  private static InReview processInReview(String label) {
    Tenant t = newTenant(label);
    String flowId =
        createFlow(t,
            "{\"name\":\"Review\",\"time_to_live\":60,\"steps\":[{\"type\":\"document-validation\",\"config\":{"
                + "\"allowed_document_types\":[{\"country\":\"CO\",\"document_types\":[\"national-id\"]}],"
                + "\"manual_review\":\"enabled\"}}]}");
    // The photos go in through the Validations API with the user's web token (the current step's
    // signed links), the channel that runs the same on every server; the hosted form's multipart
    // upload into review is ConsoleIT's and HostedFlowIT's.
    String token = mintToken(t, flowId);
    String processId = processIdOf(token);
    Resp created = api.postForm("/v1/validations", token,
        "type", "document-validation", "country", "CO", "document_type", "national-id", "user_authorized", "true");
    assertEquals(200, created.status(), created::toString);
    JsonObject links = created.json().getJsonObject("instructions");
    assertEquals(200, upload(links.getString("front_url"), FRONT).status());
    assertEquals(200, upload(links.getString("reverse_url"), CENTENARIAN_BACK).status());
    // The inspection runs after the upload commits: the task appears once its result is applied.
    JsonObject review = await("a review task for " + processId, () -> reviewOf(t, processId));
    assertMatches(REV, review.getString("review_id"));
    return new InReview(t, processId, review.getString("review_id"));
  }

  private static Resp upload(String signedUrl, byte[] png) {
    return api.send(api.request(signedUrl, null).header("Content-Type", "image/png")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png)));
  }

  private static Optional<JsonObject> reviewOf(Tenant t, String processId) {
    Resp r = api.get("/v1/reviews", t.apiKey());
    assertEquals(200, r.status(), r::toString);
    return r.array("reviews").stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> processId.equals(o.getString("process_id")))
        .findFirst();
  }

  @Test
  void aReviewerApprovesAndTheProcessSucceedsWithTheReviewInItsResult() {
    InReview ir = processInReview("review-approve");
    String key = ir.tenant().apiKey();

    Resp queue = api.get("/v1/reviews?status=open&type=document-validation", key);
    assertEquals(200, queue.status(), queue::toString);
    JsonObject task = queue.array("reviews").getJsonObject(0);
    assertEquals(ir.reviewId(), task.getString("review_id"));
    assertEquals("document-validation", task.getString("validation_type"));
    assertEquals("age_above_threshold", task.getString("reason"));
    assertEquals("open", task.getString("status"));
    assertTrue(task.containsKey("due_date") && task.containsKey("creation_date"), task::toString);
    assertAbsent(task, "decision");
    assertEquals("/v1/reviews?status=open&type=document-validation", queue.json().getString("self"));
    assertEquals(0, api.get("/v1/reviews?type=face-recognition", key).array("reviews").size());

    JsonObject pending = result(ir);
    assertEquals("pending", pending.getString("status"));
    JsonObject validation = pending.getJsonArray("validations").getJsonObject(0);
    assertEquals("pending", validation.getString("validation_status"));
    assertEquals("pending", validation.getString("manual_review_status"));

    Resp claimed = api.postForm("/v1/reviews/" + ir.reviewId() + "/claim", key, "reviewer", "ana.reviewer");
    assertEquals(200, claimed.status(), claimed::toString);
    assertEquals("ana.reviewer", claimed.json().getString("claimed_by"));

    Resp decided =
        api.postForm("/v1/reviews/" + ir.reviewId() + "/decision", key,
            "decision", "approved", "reviewer", "ana.reviewer", "note", "Checked against the original");
    assertEquals(200, decided.status(), decided::toString);
    assertEquals("decided", decided.json().getString("status"));
    assertEquals("approved", decided.json().getString("decision"));
    assertEquals("ana.reviewer", decided.json().getString("decided_by"));
    assertAbsent(decided.json(), "declined_reason");

    JsonObject done = result(ir);
    assertEquals("success", done.getString("status"));
    JsonObject v = done.getJsonArray("validations").getJsonObject(0);
    assertEquals("success", v.getString("validation_status"));
    assertEquals("approved", v.getString("manual_review_status"));
    JsonArray items = v.getJsonObject("details").getJsonObject("document_validations").getJsonArray("manual_review");
    JsonObject item = items.getJsonObject(items.size() - 1);
    assertTrue(item.getBoolean("manually_reviewed"), item::toString);
    assertEquals("valid", item.getString("result"));
    assertEquals("Checked against the original", item.getString("message"));

    assertEquals("decided", api.get("/v1/reviews/" + ir.reviewId(), key).json().getString("status"));
    assertEquals(0, api.get("/v1/reviews?status=open", key).array("reviews").size());

    // Deciding twice is a conflict, whoever tries.
    assertError(
        api.postForm("/v1/reviews/" + ir.reviewId() + "/decision", key, "decision", "declined",
            "declined_reason", "damaged_document", "reviewer", "ana.reviewer"),
        409, 10409, "Review " + ir.reviewId() + " is already decided");

    List<String> timeline = timeline(ir.tenant(), ir.processId());
    assertTrue(timeline.contains("digital_identity.manual_review requested system"), timeline::toString);
    assertTrue(timeline.contains("digital_identity.manual_review decided reviewer:ana.reviewer"), timeline::toString);
    assertEquals("digital_identity.identity_process succeeded reviewer:ana.reviewer", timeline.get(timeline.size() - 1));
  }

  @Test
  void aReviewerDeclinesAndAnOperatorOverridesTheFailure() {
    InReview ir = processInReview("review-decline");
    String key = ir.tenant().apiKey();

    Resp decided =
        api.postForm("/v1/reviews/" + ir.reviewId() + "/decision", key,
            "decision", "declined", "declined_reason", "damaged_document", "reviewer", "bo", "note", "Worn out");
    assertEquals(200, decided.status(), decided::toString);
    assertEquals("declined", decided.json().getString("decision"));
    assertEquals("damaged_document", decided.json().getString("declined_reason"));

    JsonObject failed = result(ir);
    assertEquals("failure", failed.getString("status"));
    assertEquals("declined", failed.getString("failure_status"));
    assertEquals("damaged_document", failed.getString("declined_reason"));
    JsonObject v = failed.getJsonArray("validations").getJsonObject(0);
    assertEquals("declined", v.getString("manual_review_status"));
    JsonArray items = v.getJsonObject("details").getJsonObject("document_validations").getJsonArray("manual_review");
    assertEquals("invalid", items.getJsonObject(items.size() - 1).getString("result"));
    assertAbsent(failed, "override_status");

    // A reason of the other direction is refused, naming the field.
    assertInvalid(
        api.postForm("/v1/processes/" + ir.processId() + "/override", key,
            "status", "success", "reason", "manipulated_document", "user", "ops-1"),
        "Invalid request: reason must be one of in_person_customer, meets_all_requirements, other, regular_client"
            + " to override to success");
    assertInvalid(
        api.postForm("/v1/processes/" + ir.processId() + "/override", key,
            "status", "pending", "reason", "other", "user", "ops-1"),
        "Invalid request: status must be success or failure");

    Resp overridden =
        api.postForm("/v1/processes/" + ir.processId() + "/override", key,
            "status", "success", "reason", "regular_client", "note", "Known customer, seen in branch", "user", "ops-1");
    assertEquals(200, overridden.status(), overridden::toString);
    JsonObject after = result(ir);
    assertEquals("failure", after.getString("status"), "the original outcome stays");
    assertEquals("success", after.getString("override_status"));
    JsonArray history = after.getJsonArray("override_status_history");
    assertEquals(1, history.size());
    JsonObject entry = history.getJsonObject(0);
    assertEquals("failure", entry.getString("previous_status"));
    assertEquals("success", entry.getString("new_status"));
    assertEquals("regular_client", entry.getString("reason"));
    assertEquals("Known customer, seen in branch", entry.getString("description"));
    assertEquals("ops-1", entry.getString("user"));

    // Overriding to the status it already has is a conflict.
    assertError(
        api.postForm("/v1/processes/" + ir.processId() + "/override", key,
            "status", "success", "reason", "other", "user", "ops-1"),
        409, 10409, "Process " + ir.processId() + " is already success");

    Resp events = api.get("/v1/processes/" + ir.processId() + "/events", key);
    assertEquals(200, events.status(), events::toString);
    assertEquals(ir.processId(), events.json().getString("process_id"));
    JsonObject last = events.array("events").getJsonObject(events.array("events").size() - 1);
    assertEquals("digital_identity.identity_process", last.getString("event_type"));
    assertEquals("overwritten_success", last.getString("event_action"));
    assertEquals("operator:ops-1", last.getString("actor"));
    assertEquals("success", last.getJsonObject("object").getString("override_status"));
    assertTrue(last.getString("event_id").startsWith("HKE") && last.containsKey("timestamp"), last::toString);
    List<String> timeline = timeline(ir.tenant(), ir.processId());
    assertEquals("digital_identity.identity_process created user", timeline.get(0));
    assertEquals(1, timeline.stream().filter(e -> e.startsWith("digital_identity.identity_process failed")).count());
  }

  @Test
  void aTaskClaimedByOneReviewerCannotBeTakenOrDecidedByAnother() {
    InReview ir = processInReview("review-claim");
    String key = ir.tenant().apiKey();
    assertEquals(200, api.postForm("/v1/reviews/" + ir.reviewId() + "/claim", key, "reviewer", "rev-a").status());
    assertEquals(200, api.postForm("/v1/reviews/" + ir.reviewId() + "/claim", key, "reviewer", "rev-a").status(),
        "claiming again is harmless");
    assertError(api.postForm("/v1/reviews/" + ir.reviewId() + "/claim", key, "reviewer", "rev-b"),
        409, 10409, "Review " + ir.reviewId() + " is claimed by rev-a");
    assertError(
        api.postForm("/v1/reviews/" + ir.reviewId() + "/decision", key, "decision", "approved", "reviewer", "rev-b"),
        409, 10409, "Review " + ir.reviewId() + " is claimed by rev-a");
    assertEquals("pending", result(ir).getString("status"), "the refused decision changed nothing");

    // An override needs a finished process.
    assertError(
        api.postForm("/v1/processes/" + ir.processId() + "/override", key,
            "status", "failure", "reason", "internal_reasons", "user", "ops-1"),
        409, 10409, "Process " + ir.processId() + " has not finished yet: only a finished process can be overridden");
  }

  @Test
  void anotherTenantCannotSeeOrTouchTheTask() {
    InReview ir = processInReview("review-owner");
    Tenant other = newTenant("review-other");
    String key = other.apiKey();
    assertEquals(0, api.get("/v1/reviews", key).array("reviews").size());
    assertError(api.get("/v1/reviews/" + ir.reviewId(), key), 404, 10404, "Resource not found");
    assertError(api.postForm("/v1/reviews/" + ir.reviewId() + "/claim", key, "reviewer", "x"), 404, 10404,
        "Resource not found");
    assertError(
        api.postForm("/v1/reviews/" + ir.reviewId() + "/decision", key, "decision", "approved", "reviewer", "x"),
        404, 10404, "Resource not found");
    assertError(api.get("/v1/processes/" + ir.processId() + "/events", key), 404, 10404, "Resource not found");
    assertError(
        api.postForm("/v1/processes/" + ir.processId() + "/override", key,
            "status", "success", "reason", "other", "user", "x"),
        404, 10404, "Resource not found");
    assertEquals("open", api.get("/v1/reviews/" + ir.reviewId(), ir.tenant().apiKey()).json().getString("status"));
  }

  @Test
  void badInputIsA400NamingTheField() {
    InReview ir = processInReview("review-input");
    String key = ir.tenant().apiKey();
    String decision = "/v1/reviews/" + ir.reviewId() + "/decision";
    assertInvalid(api.postForm(decision, key, "decision", "maybe", "reviewer", "a"),
        "Invalid request: decision must be approved or declined");
    assertInvalid(api.postForm(decision, key, "decision", "declined", "reviewer", "a"),
        "Invalid request: declined_reason must be a catalogued declined reason");
    assertInvalid(api.postForm(decision, key, "decision", "declined", "declined_reason", "nope", "reviewer", "a"),
        "Invalid request: declined_reason must be a catalogued declined reason");
    assertInvalid(api.postForm(decision, key, "decision", "approved", "declined_reason", "damaged_document", "reviewer", "a"),
        "Invalid request: declined_reason is only allowed with decision declined");
    assertInvalid(api.postForm(decision, key, "decision", "approved"), "Invalid request: reviewer is required");
    assertInvalid(api.postForm(decision, key, "decision", "approved", "reviewer", "a", "color", "red"),
        "Invalid request: unknown field color");
    assertInvalid(api.get("/v1/reviews?status=sleeping", key),
        "Invalid request: status must be open, decided, expired or canceled");
    assertInvalid(api.get("/v1/reviews?type=palm-reading", key),
        "Invalid request: type must be a validation type, e.g. document-validation");
    assertInvalid(api.get("/v1/reviews?start_key=bogus", key), "Invalid request: start_key is not a valid cursor");
    assertError(api.get("/v1/reviews/REV00000000000000000000000000000000", key), 404, 10404, "Resource not found");
    assertEquals("open", api.get("/v1/reviews/" + ir.reviewId(), key).json().getString("status"));
  }

  @Test
  void twoUsersOfOneFlowEachOpenTheirOwnProcess() {
    Tenant t = newTenant("review-two-users");
    String flowId = createFlow(t, flowJson("Two users", 60, "document-validation"));
    String first = new HostedUser(api.uri("/")).open(mintToken(t, flowId));
    // The flow version's definition is cached now: the second open must still find its new process.
    String second = new HostedUser(api.uri("/")).open(mintToken(t, flowId));
    assertMatches(IDP, first);
    assertMatches(IDP, second);
    assertTrue(!first.equals(second), "one process per token");
  }

  // ------------------------------------------------------------------------------------ helpers

  private static JsonObject result(InReview ir) {
    Resp r = api.get("/v1/processes/" + ir.processId() + "/result", ir.tenant().apiKey());
    assertEquals(200, r.status(), r::toString);
    return r.json();
  }

  /** The timeline as "type action actor" lines. */
  private static List<String> timeline(Tenant t, String processId) {
    Resp r = api.get("/v1/processes/" + processId + "/events", t.apiKey());
    assertEquals(200, r.status(), r::toString);
    List<String> out = new ArrayList<>();
    for (JsonValue e : r.array("events")) {
      JsonObject o = e.asJsonObject();
      out.add(o.getString("event_type") + " " + o.getString("event_action") + " " + o.getString("actor"));
    }
    return out;
  }

  /** Polls {@code probe} until it answers, for at most 60 s (checks run asynchronously). */
  private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
