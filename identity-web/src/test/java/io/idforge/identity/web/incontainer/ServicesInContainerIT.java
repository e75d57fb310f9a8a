package io.idforge.identity.web.incontainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.error.ErrorResponse;
import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.ClientService;
import io.idforge.identity.core.application.FlowScreen;
import io.idforge.identity.core.application.FlowService;
import io.idforge.identity.core.application.HostedFlowService;
import io.idforge.identity.core.application.steps.FaceStepHandler;
import io.idforge.identity.core.application.MediaService;
import io.idforge.identity.core.application.ProcessExpiry;
import io.idforge.identity.core.application.ProcessService;
import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.application.WebTokenRequest;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.media.MediaKind;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.document.image.DecodeBulkhead;
import io.idforge.identity.core.document.image.DecodeBusyException;
import io.idforge.identity.core.document.image.ImageDecoder;
import io.idforge.identity.core.document.image.ImageLimits;
import io.idforge.identity.core.fixtures.ImageBombs;
import io.idforge.identity.core.fixtures.SyntheticDocuments;
import io.idforge.identity.core.jobs.ExpireProcessesJob;
import io.idforge.identity.web.rest.error.DecodeBusyExceptionMapper;
import io.idforge.identity.web.rest.error.ErrorResponses;
import io.idforge.identity.web.rest.media.MediaLinks;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Payara Micro with the real WAR on the embedded default (H2): proves that the
 * enterprise beans packaged in WEB-INF/lib jars work, that the expiry timer is registered and not
 * persistent, that expiring a process through the container's JPA and locking yields Truora's
 * failure fields, that media larger than H2's VARBINARY limit round-trip encrypted, and that with
 * the face engine switched off ({@link FaceEngineSwitchedOff}) a selfie waits for manual review. Time is moved by passing a later instant to the service, not by sleeping.
 */
@ExtendWith(ArquillianExtension.class)
class ServicesInContainerIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("app.war")))
        .addClasses(ServicesInContainerIT.class, SyntheticDocuments.class, FaceEngineSwitchedOff.class,
            ImageBombs.class)
        .addAsServiceProvider(ConfigSource.class, FaceEngineSwitchedOff.class);
  }

  @Inject ClientService clients;

  @Inject FlowService flows;

  @Inject ApiKeyService apiKeys;

  @Inject ProcessService processes;

  @Inject ProcessRepository processRepository;

  @Inject ProcessExpiry expiry;

  @Inject ExpireProcessesJob job;

  @Inject MediaService media;

  @Test
  void mediaIsStoredEncryptedAndReadOnlyByItsTenant() {
    byte[] image = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(image);
    String mediaId = media.store("TCIowner", "IDPx", MediaKind.DOCUMENT_FRONT, "image/jpeg", image);
    assertArrayEquals(image, media.read("TCIowner", mediaId).bytes());
    assertThrows(RuntimeException.class, () -> media.read("TCIother", mediaId));
  }

  @Inject HostedFlowService hosted;

  /** A tenant, a flow of the given steps with default settings, and a fresh web token's caller. */
  private Caller webCaller(StepType... steps) {
    List<FlowStep> flowSteps = new ArrayList<>();
    for (StepType t : steps) {
      flowSteps.add(new FlowStep(null, t, StepConfig.defaults()));
    }
    return callerFor("hosted", flowSteps);
  }

  /** A tenant named {@code name}, a flow of {@code steps}, and the caller of a fresh web token on it. */
  private Caller callerFor(String name, List<FlowStep> steps) {
    String clientId = clients.provision(name, "k").client().clientId();
    Caller backend = Caller.backend(clientId, "k");
    String flowId = flows.create(backend, new FlowDefinition(name, true, 60, steps)).flow().flowId();
    String jti =
        apiKeys.issueWebToken(backend,
                new WebTokenRequest("web", "digital-identity", 1, "CO", "https://example.com/done", flowId, null,
                    null, null, null, null, null))
            .keyId();
    return Caller.web(clientId, "web-integration", jti);
  }

  @Test
  void withTheFaceEngineSwitchedOffTheSelfieWaitsForReviewAndNeverPasses() throws Exception {
    Caller web = webCaller(StepType.DOCUMENT_VALIDATION, StepType.FACE_RECOGNITION);
    hosted.open(web, "127.0.0.1");
    FlowScreen submitted =
        hosted.submitDocument(web, "CO", "national-id", png(SyntheticDocuments.front(false)), png(SyntheticDocuments.reverse("19880621")));
    assertTrue(submitted.validation().isChecking(), "the inspection runs after the upload's transaction");
    FlowScreen opened = verdict(web);
    assertEquals(StepType.FACE_RECOGNITION, opened.step().type());
    hosted.submitSelfie(web, png(SyntheticDocuments.face()));
    FlowScreen after = verdict(web);
    assertEquals(FaceStepHandler.FACE_MATCHING_OFF, after.validation().lastReason());
    assertTrue(after.validation().inReview());
    assertEquals(ProcessStatus.PENDING, after.process().process().status());
    assertEquals(ProcessStatus.PENDING, after.process().validations().get(1).status());
  }

  /** A document-only flow whose step has manual review on or off. */
  private Caller documentCaller(String manualReview) {
    StepConfig config = new StepConfig(2, 0.65, List.of(), manualReview, null);
    return callerFor("review", List.of(new FlowStep(null, StepType.DOCUMENT_VALIDATION, config)));
  }

  private FlowScreen submitCentenarian(Caller web) throws Exception {
    hosted.open(web, "127.0.0.1");
    hosted.submitDocument(web, "CO", "national-id",
        png(SyntheticDocuments.front(false)), png(SyntheticDocuments.reverse("19000101")));
    return verdict(web);
  }

  /** The screen once the running check has been applied (checks run after the upload commits). */
  private FlowScreen verdict(Caller web) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (true) {
      FlowScreen screen = hosted.open(web, "127.0.0.1");
      if (screen.validation() == null || !screen.validation().isChecking()) {
        return screen;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the check did not finish within 60 s");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
    }
  }

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void aReviewTriggeringReasonWaitsForReviewWhenTheStepEnablesIt() throws Exception {
    FlowScreen screen = submitCentenarian(documentCaller("enabled"));
    assertEquals("age_above_threshold", screen.validation().lastReason());
    assertTrue(screen.validation().inReview());
    assertEquals(ProcessStatus.PENDING, screen.process().process().status());
  }

  @Test
  void theSameReasonDeclinesWhenManualReviewIsOff() throws Exception {
    FlowScreen screen = submitCentenarian(documentCaller("default"));
    assertEquals(FailureStatus.DECLINED, screen.process().process().failureStatus());
    assertEquals("age_above_threshold", screen.process().process().declinedReason());
  }

  @Test
  void withoutAnSmtpServerTheEmailStepSaysSoInsteadOfPretending() {
    Caller web = webCaller(StepType.EMAIL_VERIFICATION);
    hosted.open(web, "127.0.0.1");
    FlowScreen screen = hosted.sendCode(web, "ana@example.com", "es");
    assertEquals(HostedFlowService.CHANNEL_UNAVAILABLE, screen.notice());
    assertTrue(screen.validation().challenge().isEmpty(), "no code may be recorded as sent");
  }

  @Test
  void cancellingDeclinesTheProcessAsCanceled() {
    Caller web = webCaller(StepType.EMAIL_VERIFICATION, StepType.DOCUMENT_VALIDATION);
    hosted.open(web, "127.0.0.1");
    FlowScreen screen = hosted.cancel(web, "dont_want_to_continue");
    assertTrue(screen.finished());
    assertEquals(FailureStatus.DECLINED, screen.process().process().failureStatus());
    assertEquals("canceled", screen.process().process().declinedReason());
    assertEquals("dont_want_to_continue", screen.process().validations().get(0).declinedReason(),
        "the validation keeps the reason the user picked");
  }

  @Inject MediaLinks links;

  @Test
  void mediaLinksAreBoundToTheirTenantAndMediaAndCarryAnExpiry() {
    String url = links.link("TCIowner", "MEDabc");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/v1/media/MEDabc\\?expires=(\\d+)&signature=([A-Za-z0-9_-]+)$").matcher(url);
    assertTrue(m.find(), url);
    long expires = Long.parseLong(m.group(1));
    String signature = m.group(2);
    long in15Minutes = java.time.Instant.now().plusSeconds(15 * 60).getEpochSecond();
    assertTrue(Math.abs(expires - in15Minutes) < 60, "valid for about 15 minutes");
    assertTrue(links.verify("TCIowner", "MEDabc", expires, signature));
    assertFalse(links.verify("TCIother", "MEDabc", expires, signature), "another tenant");
    assertFalse(links.verify("TCIowner", "MEDxyz", expires, signature), "another image");
    assertFalse(links.verify("TCIowner", "MEDabc", expires + 3600, signature), "a stretched expiry");
    assertFalse(links.verify("TCIowner", "MEDabc", 1, signature), "an expired link");
  }

  @Test
  void theExpiryTimerRunsOnANonPersistentTimer() {
    assertTrue(job.isScheduledNonPersistent());
  }

  @Test
  void anOverdueProcessIsExpiredOnceWithTheReasonOfItsStep() {
    String clientId = clients.provision("in-container", "k").client().clientId();
    Caller backend = Caller.backend(clientId, "k");
    String flowId =
        flows.create(
                backend,
                new FlowDefinition(
                    "doc first", true, 60,
                    List.of(new FlowStep(null, StepType.DOCUMENT_VALIDATION, StepConfig.defaults()))))
            .flow()
            .flowId();
    String jti =
        apiKeys.issueWebToken(
                backend,
                new WebTokenRequest(
                    "web", "digital-identity", 1, "CO", "https://example.com/done", flowId, "acc-in-container",
                    null, null, null, null, null))
            .keyId();
    ProcessView started = processes.startOrResume(Caller.web(clientId, "web-integration", jti), "web", "127.0.0.1");
    assertEquals(ProcessStatus.PENDING, started.process().status());

    OffsetDateTime later = started.process().expiresAt().plusSeconds(1);
    List<Long> overdue = processRepository.findOverdueIds(later, 1000);
    assertFalse(overdue.isEmpty());
    long id = overdue.stream().filter(i -> i.equals(started.process().id())).findFirst().orElseThrow();

    assertTrue(expiry.expireById(id, later));
    assertFalse(expiry.expireById(id, later), "a second run must find nothing to do");

    ProcessView after = processes.get(backend, started.process().processId());
    assertEquals(ProcessStatus.FAILURE, after.process().status());
    assertEquals(FailureStatus.EXPIRED, after.process().failureStatus());
    assertEquals("document_validation_not_started", after.process().expiredReason());
  }

  @Inject ImageDecoder imageDecoder;

  @Test
  void aDocumentDeclaringGigapixelsIsRefusedAsUnreadableAndMayBeRetaken() throws Exception {
    Caller web = webCaller(StepType.DOCUMENT_VALIDATION);
    int retries = hosted.open(web, "127.0.0.1").validation().remainingRetries();
    hosted.submitDocument(web, "CO", "national-id",
        ImageBombs.jpegDeclaring(40_000, 40_000), png(SyntheticDocuments.reverse("19880621")));
    FlowScreen screen = verdict(web);
    assertEquals("invalid_or_corrupted_image_file", screen.validation().lastReason());
    assertTrue(screen.validation().awaitingInput(), "a retake is offered");
    assertEquals(retries - 1, screen.validation().remainingRetries());
  }

  @Test
  void whenEveryDecoderIsBusyTheCheckWaitsCostsNoTryAndRunsOnceOneIsFree() throws Exception {
    assertEquals(ImageLimits.defaults(), imageDecoder.limits(), "identity.images.* defaults");
    DecodeBulkhead bulkhead = imageDecoder.bulkhead();
    Caller web = webCaller(StepType.DOCUMENT_VALIDATION);
    int retries = hosted.open(web, "127.0.0.1").validation().remainingRetries();
    byte[] front = png(SyntheticDocuments.front(false));
    byte[] reverse = png(SyntheticDocuments.reverse("19880621"));
    List<DecodeBulkhead.Permit> taken = new ArrayList<>();
    try {
      for (int i = 0; i < bulkhead.size(); i++) {
        taken.add(bulkhead.enter());
      }
      hosted.submitDocument(web, "CO", "national-id", front, reverse);
      // Longer than the decoder's own 2 s wait plus one retry pause: the check found it busy.
      java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(6));
      FlowScreen waiting = hosted.open(web, "127.0.0.1");
      assertTrue(waiting.validation().isChecking(), "busy decoders are no verdict: the check waits");
      assertEquals(retries, waiting.validation().remainingRetries(), "no try used");
    } finally {
      taken.forEach(DecodeBulkhead.Permit::close);
    }
    FlowScreen decoded = verdict(web);
    assertEquals(ProcessStatus.SUCCESS, decoded.process().process().status(),
        "decoders free again: the same upload is checked and passes");
    assertEquals(bulkhead.size(), bulkhead.available(), "every permit returned");

    // On the API (a synchronous decode), busy is a 503 with the envelope and Retry-After.
    DecodeBusyException busy = new DecodeBusyException(java.time.Duration.ofSeconds(2));
    Response answer = new DecodeBusyExceptionMapper().toResponse(busy);
    assertEquals(503, answer.getStatus());
    assertEquals("2", answer.getHeaderString(HttpHeaders.RETRY_AFTER));
    ErrorResponse body = (ErrorResponse) answer.getEntity();
    assertEquals(new ErrorResponse(10500, 503, DecodeBusyException.MESSAGE, null), body);
    Response wrapped = ErrorResponses.from(new EJBException(busy));
    assertEquals(503, wrapped.getStatus(), "also when a container wraps it");
    assertEquals("2", wrapped.getHeaderString(HttpHeaders.RETRY_AFTER));
  }
}
