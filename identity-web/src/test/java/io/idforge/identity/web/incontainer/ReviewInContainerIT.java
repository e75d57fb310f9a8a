package io.idforge.identity.web.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.CheckService;
import io.idforge.identity.core.application.ClientService;
import io.idforge.identity.core.application.FlowService;
import io.idforge.identity.core.application.HostedFlowService;
import io.idforge.identity.core.application.ProcessEventsService;
import io.idforge.identity.core.application.ProcessService;
import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.application.ReviewService;
import io.idforge.identity.core.application.WebTokenRequest;
import io.idforge.identity.core.application.steps.FaceStepHandler;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationState;
import io.idforge.identity.core.engine.CheckResult;
import io.idforge.identity.core.engine.EventNames;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.fixtures.SyntheticDocuments;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Review, grace and races inside the container (embedded H2), where a test can hold a check
 * mid-flight: the face engine is off ({@link ReviewTestConfig}), so a selfie waits for a reviewer;
 * the registry gateway is {@link SlowRegistry}, which the test can make answer after the step
 * timeout; the grace period is 2 s and the expiry job runs every second. Waits poll with a
 * deadline, never a fixed sleep.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewInContainerIT {

  private static final String BORN_1988 = "19880621";

  /** Holders of the slow-registry and race tests, so a check left over from one never blocks the other. */
  private static final String BORN_1979 = "19790101";

  private static final String BORN_1980 = "19800202";

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("app.war")))
        .addClasses(ReviewInContainerIT.class, SyntheticDocuments.class, ReviewTestConfig.class, SlowRegistry.class)
        .addAsServiceProvider(ConfigSource.class, ReviewTestConfig.class);
  }

  @Inject ClientService clients;

  @Inject FlowService flows;

  @Inject ApiKeyService apiKeys;

  @Inject ProcessService processes;

  @Inject HostedFlowService hosted;

  @Inject ReviewService reviews;

  @Inject CheckService checks;

  @Inject ProcessEventsService events;

  @Inject SlowRegistry registry;

  /** A tenant's backend caller and the web caller of a fresh token on a flow of {@code steps}. */
  record Callers(Caller backend, Caller web) {}

  private Callers callers(String name, FlowStep... steps) {
    String clientId = clients.provision(name, "k").client().clientId();
    Caller backend = Caller.backend(clientId, "k");
    String flowId = flows.create(backend, new FlowDefinition(name, true, 60, List.of(steps))).flow().flowId();
    String jti =
        apiKeys.issueWebToken(backend,
                new WebTokenRequest("web", "digital-identity", 1, "CO", "https://example.com/done", flowId, null,
                    null, null, null, null, null))
            .keyId();
    return new Callers(backend, Caller.web(clientId, "web-integration", jti));
  }

  private static FlowStep step(StepType type, int checkTimeoutSeconds, int reviewTimeoutSeconds) {
    return new FlowStep(null, type,
        new StepConfig(0, 0.65, List.of(), "default", null, checkTimeoutSeconds, reviewTimeoutSeconds));
  }

  private static FlowStep step(StepType type) {
    return step(type, StepConfig.DEFAULT_TIMEOUT_SECONDS, StepConfig.DEFAULT_REVIEW_TIMEOUT_SECONDS);
  }

  // --------------------------------------------------------------------- engine off: selfie waits

  /** Document (registry answers at once) then selfie: with the engine off the selfie waits for review. */
  private ReviewTask selfieInReview(Callers c, String processLabel) throws Exception {
    String processId = hosted.open(c.web(), "127.0.0.1").process().process().processId();
    hosted.submitDocument(c.web(), "CO", "national-id", png(SyntheticDocuments.front(false)), png(SyntheticDocuments.reverse(BORN_1988)));
    await(processLabel + ": the face step", () -> Optional.of(processes.get(c.backend(), processId))
        .filter(v -> v.process().currentStepIndex() == 1));
    hosted.submitSelfie(c.web(), png(SyntheticDocuments.face()));
    return await(processLabel + ": the selfie's review task",
        () -> reviews.list(c.backend(), "open", "face-recognition", null, 20).items().stream()
            .filter(t -> processId.equals(t.processId())).findFirst());
  }

  @Test
  void withTheEngineOffTheSelfieWaitsAndAReviewerApprovesIt() throws Exception {
    Callers c = callers("review-face-approve", step(StepType.DOCUMENT_VALIDATION), step(StepType.FACE_RECOGNITION));
    ReviewTask task = selfieInReview(c, "approve");
    assertEquals(FaceStepHandler.FACE_MATCHING_OFF, task.reason());
    ProcessView waiting = processes.get(c.backend(), task.processId());
    assertEquals(ProcessStatus.PENDING, waiting.process().status());
    assertTrue(waiting.validations().get(1).inReview(), "the selfie never passes on its own");

    reviews.claim(c.backend(), task.reviewId(), "ana");
    ReviewTask decided = reviews.decide(c.backend(), task.reviewId(), ReviewService.Decision.APPROVED, null, "ana", "Same person");
    assertEquals("approved", decided.decision());

    ProcessView done = processes.get(c.backend(), task.processId());
    assertEquals(ProcessStatus.SUCCESS, done.process().status());
    Validation selfie = done.validations().get(1);
    assertEquals(ValidationState.SUCCEEDED, selfie.state());
    assertTrue(selfie.details().contains("\"face_recognition_validations\""), selfie.details());
    assertTrue(selfie.details().contains("\"manually_reviewed\":true"), selfie.details());
  }

  @Test
  void aReviewerDeclinesTheSelfieAndTheProcessFailsWithTheReason() throws Exception {
    Callers c = callers("review-face-decline", step(StepType.DOCUMENT_VALIDATION), step(StepType.FACE_RECOGNITION));
    ReviewTask task = selfieInReview(c, "decline");
    reviews.decide(c.backend(), task.reviewId(), ReviewService.Decision.DECLINED, "similarity_threshold_not_passed", "bo", null);
    ProcessView done = processes.get(c.backend(), task.processId());
    assertEquals(ProcessStatus.FAILURE, done.process().status());
    assertEquals(FailureStatus.DECLINED, done.process().failureStatus());
    assertEquals("similarity_threshold_not_passed", done.process().declinedReason());
    assertEquals("similarity_threshold_not_passed", done.validations().get(1).declinedReason());
  }

  @Test
  void aReviewPastItsDeadlineCannotBeDecided() throws Exception {
    // A one-second review deadline: the REST flow API asks for at least 60 s, the engine does not.
    Callers c = callers("review-late", step(StepType.FACE_RECOGNITION, StepConfig.DEFAULT_TIMEOUT_SECONDS, 1));
    String processId = hosted.open(c.web(), "127.0.0.1").process().process().processId();
    hosted.submitSelfie(c.web(), png(SyntheticDocuments.face()));
    ReviewTask task = await("the review task",
        () -> reviews.list(c.backend(), null, null, null, 20).items().stream()
            .filter(t -> processId.equals(t.processId())).findFirst());
    await("the deadline to pass", () -> Optional.of(OffsetDateTime.now()).filter(now -> now.isAfter(task.dueAt())));
    ConflictException late =
        assertThrows(ConflictException.class,
            () -> reviews.decide(c.backend(), task.reviewId(), ReviewService.Decision.APPROVED, null, "late", null));
    assertTrue(late.getMessage().contains(task.reviewId()), late.getMessage());
    assertTrue(processes.get(c.backend(), processId).validations().get(0).inReview(), "the late decision changed nothing");
  }

  @Test
  void theQueueIsPagedOldestFirstAndFilteredByStatus() throws Exception {
    Callers first = callers("review-paging", step(StepType.FACE_RECOGNITION));
    Caller second = anotherToken(first.backend());
    List<String> processIds = new ArrayList<>();
    for (Caller web : List.of(first.web(), second)) {
      processIds.add(hosted.open(web, "127.0.0.1").process().process().processId());
      hosted.submitSelfie(web, png(SyntheticDocuments.face()));
    }
    await("both review tasks",
        () -> Optional.of(reviews.list(first.backend(), "open", null, null, 20).items()).filter(l -> l.size() == 2));

    var page1 = reviews.list(first.backend(), "open", "face-recognition", null, 1);
    assertEquals(1, page1.items().size());
    assertNotNull(page1.nextKey(), "a second page");
    var page2 = reviews.list(first.backend(), "open", "face-recognition", page1.nextKey(), 1);
    assertEquals(1, page2.items().size());
    assertEquals(null, page2.nextKey(), "the last page");
    // The two checks run concurrently, so either task may be created first: the pages must follow
    // the tasks' own creation order and together hold both processes.
    ReviewTask older = page1.items().get(0);
    ReviewTask newer = page2.items().get(0);
    assertEquals(java.util.Set.copyOf(processIds), java.util.Set.of(older.processId(), newer.processId()));
    assertTrue(!older.createdAt().isAfter(newer.createdAt()), "oldest first");

    reviews.decide(first.backend(), older.reviewId(), ReviewService.Decision.APPROVED, null, "ana", null);
    assertEquals(List.of(newer.processId()),
        reviews.list(first.backend(), "open", null, null, 20).items().stream().map(ReviewTask::processId).toList());
    assertEquals(List.of(older.processId()),
        reviews.list(first.backend(), "decided", null, null, 20).items().stream().map(ReviewTask::processId).toList());
    assertEquals(0, reviews.list(first.backend(), null, "document-validation", null, 20).items().size());
  }

  /** The web caller of another token on the tenant's only flow. */
  private Caller anotherToken(Caller backend) {
    String flowId = flows.list(backend, null, 1).items().get(0).flow().flowId();
    String jti =
        apiKeys.issueWebToken(backend,
                new WebTokenRequest("web", "digital-identity", 1, "CO", "https://example.com/done", flowId, null,
                    null, null, null, null, null))
            .keyId();
    return Caller.web(backend.clientId(), "web-integration", jti);
  }

  // --------------------------------------------------------------------- slow registry and grace

  @Test
  void aRegistryAnsweringAfterTheStepTimeoutGetsTheGraceThenExpiresPendingValidationMethods() throws Exception {
    Callers c = callers("slow-registry", step(StepType.DOCUMENT_VALIDATION, 2, StepConfig.DEFAULT_REVIEW_TIMEOUT_SECONDS));
    registry.hold(LocalDate.of(1979, 1, 1));
    try {
      String processId = hosted.open(c.web(), "127.0.0.1").process().process().processId();
      OffsetDateTime submitted = OffsetDateTime.now();
      hosted.submitDocument(c.web(), "CO", "national-id", png(SyntheticDocuments.front(false)), png(SyntheticDocuments.reverse(BORN_1979)));
      assertTrue(registry.awaitEntered(60), "the check reached the registry");

      // While it is checking, record each due time the validation shows: the step timeout, then one
      // per grace period.
      Set<OffsetDateTime> dueTimes = new LinkedHashSet<>();
      Set<Integer> graces = new LinkedHashSet<>();
      ProcessView end =
          await("the validation to expire", () -> {
            ProcessView v = processes.get(c.backend(), processId);
            Validation doc = v.validations().get(0);
            if (doc.isChecking()) {
              dueTimes.add(doc.checkDueAt());
              graces.add(doc.checkGrace());
              return Optional.empty();
            }
            return Optional.of(v);
          });
      Validation doc = end.validations().get(0);
      assertEquals(ValidationState.EXPIRED, doc.state());
      assertEquals(ProcessEngine.PENDING_VALIDATION_METHODS, doc.expiredReason());
      assertEquals(ProcessStatus.FAILURE, end.process().status());
      assertEquals(FailureStatus.EXPIRED, end.process().failureStatus());
      assertEquals(ProcessEngine.PENDING_VALIDATION_METHODS, end.process().expiredReason());
      assertEquals(Set.of(0, 1, 2, 3), graces, "three grace periods, each seen while checking");
      assertEquals(4, dueTimes.size(), "the step timeout and three later due times: " + dueTimes);
      long seconds = java.time.Duration.between(submitted, OffsetDateTime.now()).toSeconds();
      assertTrue(seconds >= 2 + 3 * 2, "expired only after the timeout and three 2 s grace periods, took " + seconds + " s");
      assertTrue(registry.calls() >= 1);

      // The registry's late answer changes nothing.
      registry.release();
      assertFalse(checks.apply(doc.validationId(), doc.attempt(), new CheckResult.Passed(null)));
      assertEquals(ValidationState.EXPIRED, processes.get(c.backend(), processId).validations().get(0).state());
      assertEquals(1, terminalProcessEvents(c.backend(), processId).size());
    } finally {
      registry.release();
    }
  }

  // --------------------------------------------------------------------- races

  @Test
  void aResultAppliedTwiceAndACancelAtTheSameTimeLeaveExactlyOneOutcome() throws Exception {
    Callers c = callers("race", step(StepType.DOCUMENT_VALIDATION));
    registry.hold(LocalDate.of(1980, 2, 2));
    try {
      String processId = hosted.open(c.web(), "127.0.0.1").process().process().processId();
      hosted.submitDocument(c.web(), "CO", "national-id", png(SyntheticDocuments.front(false)), png(SyntheticDocuments.reverse(BORN_1980)));
      assertTrue(registry.awaitEntered(60), "the real check is held in the registry");
      Validation checking = processes.get(c.backend(), processId).validations().get(0);
      assertTrue(checking.isChecking());

      CountDownLatch start = new CountDownLatch(1);
      AtomicReference<Object> first = new AtomicReference<>();
      AtomicReference<Object> second = new AtomicReference<>();
      AtomicReference<Object> cancel = new AtomicReference<>();
      List<Thread> threads = new ArrayList<>();
      threads.add(racer(start, first, () -> checks.apply(checking.validationId(), checking.attempt(), new CheckResult.Passed(null))));
      threads.add(racer(start, second, () -> checks.apply(checking.validationId(), checking.attempt(), new CheckResult.Passed(null))));
      threads.add(racer(start, cancel, () -> {
        hosted.cancel(c.web(), "dont_want_to_continue");
        return true;
      }));
      start.countDown();
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(60));
      }
      // The held check now answers too: a fourth competitor, always too late.
      registry.release();

      Predicate<Object> tookEffect = o -> Boolean.TRUE.equals(o);
      Predicate<Object> refused = o -> Boolean.FALSE.equals(o) || o instanceof ConflictException;
      for (Object o : List.of(first.get(), second.get(), cancel.get())) {
        assertTrue(tookEffect.test(o) || refused.test(o), "unexpected outcome " + o);
      }
      long winners = List.of(first.get(), second.get(), cancel.get()).stream().filter(tookEffect).count();
      assertEquals(1, winners, "exactly one transition took effect: " + first + ", " + second + ", " + cancel);

      await("the held check to answer", () -> Optional.of(true).filter(x -> registry.inFlight() == 0));
      ProcessView end = processes.get(c.backend(), processId);
      Validation v = end.validations().get(0);
      if (tookEffect.test(cancel.get())) {
        assertEquals(ValidationState.CANCELED, v.state());
        assertEquals(ProcessStatus.FAILURE, end.process().status());
        assertEquals("canceled", end.process().declinedReason());
      } else {
        assertEquals(ValidationState.SUCCEEDED, v.state());
        assertEquals(ProcessStatus.SUCCESS, end.process().status());
      }
      List<ProcessEvent> terminal = terminalProcessEvents(c.backend(), processId);
      assertEquals(1, terminal.size(), "one terminal event: " + terminal.stream().map(ProcessEvent::eventAction).toList());
      assertEquals(1, events.timeline(c.backend(), processId).stream()
          .filter(e -> e.validationId() != null && !e.eventAction().equals(EventNames.CREATED)).count(),
          "one final event for the validation");
    } finally {
      registry.release();
    }
  }

  private static Thread racer(CountDownLatch start, AtomicReference<Object> outcome, java.util.concurrent.Callable<Boolean> action) {
    Thread t = new Thread(() -> {
      try {
        start.await();
        outcome.set(action.call());
      } catch (Exception e) {
        outcome.set(unwrap(e));
      }
    });
    t.start();
    return t;
  }

  /** The domain exception inside container wrappers, if any. */
  private static Throwable unwrap(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConflictException) {
        return t;
      }
    }
    return e;
  }

  private List<ProcessEvent> terminalProcessEvents(Caller backend, String processId) {
    return events.timeline(backend, processId).stream()
        .filter(e -> EventNames.PROCESS.equals(e.eventType()))
        .filter(e -> e.eventAction().equals(EventNames.SUCCEEDED) || e.eventAction().equals(EventNames.FAILED))
        .toList();
  }

  // --------------------------------------------------------------------- helpers

  private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
