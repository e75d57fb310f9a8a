package io.idforge.identity.core.application;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.reasons.Reason;
import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.api.reasons.ReasonKind;
import io.idforge.identity.api.spi.DeliveryException;
import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.api.spi.FaceMatcher;
import io.idforge.identity.core.application.port.CodeSender;
import io.idforge.identity.core.document.image.ImageFormat;
import io.idforge.identity.core.document.image.UploadCheck;
import io.idforge.identity.core.document.image.UploadStatus;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.media.MediaKind;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import io.idforge.identity.core.domain.webtoken.WebTokenRepository;
import io.idforge.identity.core.otp.IssuedCode;
import io.idforge.identity.core.otp.OtpChallenge;
import io.idforge.identity.core.otp.OtpChannel;
import io.idforge.identity.core.otp.OtpOutcome;
import io.idforge.identity.core.security.OtpKeys;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the hosted flow: one call per user action (open, send a code, type it, upload a selfie,
 * cancel), each in one transaction with the process row locked, so double submits and two tabs
 * cannot race. The process is the source of truth for the current step; every answer is the
 * {@link FlowScreen} to show next.
 */
@Stateless
public class HostedFlowService {

  /** Review reason when no face engine is installed: never a pass by default. */
  public static final String FACE_MATCHING_OFF = "face_matching_off";

  /** Retry hint: the selfie shows more than one face (recorded as {@code no_face_detected}). */
  public static final String SELFIE_MULTIPLE_FACES = "selfie_multiple_faces";

  /** Retry hint: the face is too small or blurred (recorded as {@code no_face_detected}). */
  public static final String SELFIE_FACE_TOO_SMALL = "selfie_face_too_small";

  /** Notice when the channel of the current step has no provider configured. */
  public static final String CHANNEL_UNAVAILABLE = "channel_unavailable";

  /** Notice after a code was (re)sent. */
  public static final String CODE_SENT = "code_sent";

  /** Notice when a typed code had expired. */
  public static final String CODE_EXPIRED = "code_expired";

  private static final Logger LOG = Logger.getLogger(HostedFlowService.class.getName());

  @Inject ProcessService processService;

  @Inject ProcessRepository processes;

  @Inject WebTokenRepository webTokens;

  @Inject ValidationRepository validations;

  @Inject FlowDefinitions definitions;

  @Inject ReviewTaskRepository reviews;

  @Inject MediaService media;

  @Inject DocumentInspector inspector;

  @Inject OtpKeys otpKeys;

  @Inject CodeSender codeSender;

  @Inject Instance<FaceMatcher> faceMatchers;

  @Inject Clock clock;

  /** Starts or resumes the token's process and prepares the current step. */
  public FlowScreen open(Caller web, String ipAddress) {
    // startOrResumeProcess checked the token under its row lock: no second check here.
    processService.startOrResumeProcess(web, "web", ipAddress);
    Locked locked = lockProcessOf(web);
    return screen(locked, locked.currentValidation(ipAddress), null);
  }

  /**
   * Sends (or re-sends) a one-time code for the current phone or e-mail step. A destination the
   * token preset wins: the user cannot change it.
   *
   * @param destination the normalised phone (E.164) or e-mail typed by the user, or null
   */
  public FlowScreen sendCode(Caller web, String destination, String lang) {
    Locked locked = lock(web);
    FlowStep step = locked.requireStep(StepType.PHONE_VERIFICATION, StepType.EMAIL_VERIFICATION);
    OtpChannel channel = step.type() == StepType.PHONE_VERIFICATION ? OtpChannel.PHONE : OtpChannel.EMAIL;
    Validation v = locked.currentValidation(null);
    String target = presetDestination(locked.process, step.type()).orElse(destination);
    if (target == null || target.isBlank()) {
      throw new InvalidRequestException("Invalid request: " + (channel == OtpChannel.PHONE ? "phone" : "email") + " is required");
    }
    if (!codeSender.canSend(channel)) {
      return screen(locked, v, CHANNEL_UNAVAILABLE);
    }
    Optional<OtpChallenge> previous = v.challenge();
    IssuedCode issued =
        previous.isPresent() && previous.get().destination().equals(target)
            ? otpKeys.codes().resend(previous.get())
            : otpKeys.codes().issue(channel, target, v.allowedRetries());
    try {
      codeSender.send(channel, target, issued.code(), lang);
    } catch (DeliveryException e) {
      LOG.log(Level.WARNING, "could not deliver a one-time code for process " + locked.process.processId(), e);
      return screen(locked, v, CHANNEL_UNAVAILABLE);
    }
    v.storeChallenge(issued.challenge(), now());
    return screen(locked, v, CODE_SENT);
  }

  /** Checks a typed code: success moves on; a wrong code uses a retry; none left declines. */
  public FlowScreen submitCode(Caller web, String code) {
    Locked locked = lock(web);
    locked.requireStep(StepType.PHONE_VERIFICATION, StepType.EMAIL_VERIFICATION);
    Validation v = locked.currentValidation(null);
    OtpChallenge challenge =
        v.challenge().orElseThrow(() -> new ConflictException("No code has been sent for this step yet"));
    OtpOutcome outcome = otpKeys.codes().verify(challenge, code == null ? "" : code);
    OffsetDateTime now = now();
    switch (outcome.result()) {
      case VERIFIED -> {
        v.recordAttempt(challenge, null, now);
        v.inputsReceived(now);
        return completeStep(locked, v);
      }
      case WRONG_CODE -> {
        v.recordAttempt(challenge, outcome.declinedReason().orElseThrow(), now);
        return screen(locked, v, "wrong_verification_code");
      }
      case MAX_RETRIES_REACHED -> {
        v.recordAttempt(challenge, null, now);
        return declineStep(locked, v, "max_retries_reached", null);
      }
      default -> {
        return screen(locked, v, CODE_EXPIRED);
      }
    }
  }

  /**
   * Takes the selfie of a face-recognition step and compares it with the portrait of the
   * process's document. Without a face engine the validation waits for manual review.
   *
   * @param selfie the uploaded bytes; empty or non-image uploads use a retry
   */
  public FlowScreen submitSelfie(Caller web, byte[] selfie, String mimeType) {
    Locked locked = lock(web);
    FlowStep step = locked.requireStep(StepType.FACE_RECOGNITION);
    Validation v = locked.currentValidation(null);
    if (!v.awaitingInput()) {
      throw new ConflictException("This step is already being checked");
    }
    UploadStatus upload = UploadCheck.check(selfie, MAX_UPLOAD_BYTES);
    if (upload == UploadStatus.TOO_LARGE) {
      throw new InvalidRequestException("Invalid request: images must be at most 30 MB");
    }
    if (upload != UploadStatus.OK) {
      return retryOrDecline(locked, step, v, upload.declinedReason().orElseThrow(), null);
    }
    OffsetDateTime now = now();
    v.attachFace(media.store(locked.process.clientId(), locked.process.processId(), MediaKind.SELFIE, mimeType, selfie));
    v.inputsReceived(now);
    Optional<FaceMatcher> engine = faceEngine();
    Optional<byte[]> portrait = documentFront(locked);
    if (engine.isEmpty() || portrait.isEmpty()) {
      String why = engine.isEmpty() ? FACE_MATCHING_OFF : "no_reference_portrait";
      return review(locked, v, why, faceDetails("pending", null));
    }
    FaceComparison result;
    try {
      result = engine.get().compare(selfie, portrait.get());
    } catch (FaceEngineException e) {
      LOG.log(Level.WARNING, "face engine failed for process " + locked.process.processId(), e);
      v.failWithSystemError(now);
      locked.process.failWithSystemError(now);
      return screen(locked, null, "system_error");
    }
    double threshold = step.config().faceThreshold();
    return switch (result.verdict()) {
      case COMPARED ->
          result.similarity() >= threshold
              ? completeStep(locked, v, faceDetails("success", result.similarity()))
              : failOrReview(locked, step, v, "similarity_threshold_not_passed", faceDetails("failure", result.similarity()));
      // The catalogue has one code for an unusable selfie; the user gets a hint on what to fix.
      case NO_FACE_IN_SELFIE ->
          retryOrDecline(locked, step, v, "no_face_detected", faceDetails("failure", null));
      // A picture that cannot be decoded (a damaged file) is not a missing face.
      case UNREADABLE_IMAGE ->
          retryOrDecline(locked, step, v, "file_format_not_supported", faceDetails("failure", null));
      case MULTIPLE_FACES_IN_SELFIE ->
          retryOrDecline(locked, step, v, "no_face_detected", faceDetails("failure", null), SELFIE_MULTIPLE_FACES);
      case FACE_TOO_SMALL ->
          retryOrDecline(locked, step, v, "no_face_detected", faceDetails("failure", null), SELFIE_FACE_TOO_SMALL);
      case NO_FACE_ON_DOCUMENT -> failOrReview(locked, step, v, "face_not_detected", faceDetails("failure", null));
      case DOCUMENT_FACE_UNCLEAR -> failOrReview(locked, step, v, "face_not_clear", faceDetails("failure", null));
    };
  }

  /** Largest accepted upload, as Truora's image limit. */
  public static final long MAX_UPLOAD_BYTES = 30L * 1024 * 1024;

  /** Review reason when nothing could be read because no OCR engine is installed. */
  public static final String EXTRACTION_OFF = "document_extraction_off";

  /** Reasons a better photo can fix, beyond those the catalogue marks user-fixable. */
  static final Set<String> RETAKEABLE =
      Set.of("document_not_recognized", "invalid_or_corrupted_image_file", "reverse_document_not_found");

  /**
   * Takes the photos of a document-validation step and inspects them in-house.
   *
   * @param reverse the back side; null for passports
   */
  public FlowScreen submitDocument(Caller web, String country, String documentType, byte[] front, byte[] reverse) {
    Locked locked = lock(web);
    FlowStep step = locked.requireStep(StepType.DOCUMENT_VALIDATION);
    Validation v = locked.currentValidation(null);
    if (!v.awaitingInput()) {
      throw new ConflictException("This step is already being checked");
    }
    if (!step.config().allows(country, documentType)) {
      throw new InvalidRequestException("Invalid request: document_type " + documentType + " of " + country + " is not accepted by this flow");
    }
    for (byte[] side : reverse == null ? List.of(front) : List.of(front, reverse)) {
      UploadStatus upload = UploadCheck.check(side, MAX_UPLOAD_BYTES);
      if (upload == UploadStatus.TOO_LARGE) {
        throw new InvalidRequestException("Invalid request: images must be at most 30 MB");
      }
      if (upload != UploadStatus.OK) {
        return retryOrDecline(locked, step, v, upload.declinedReason().orElseThrow(), null);
      }
    }
    if (reverse == null && !"passport".equals(documentType)) {
      return retryOrDecline(locked, step, v, "reverse_document_not_found", null);
    }
    OffsetDateTime now = now();
    String mime = ImageFormat.sniff(front).map(ImageFormat::mimeType).orElse("application/octet-stream");
    String frontId = media.store(locked.process.clientId(), locked.process.processId(), MediaKind.DOCUMENT_FRONT, mime, front);
    String reverseId = reverse == null ? null
        : media.store(locked.process.clientId(), locked.process.processId(), MediaKind.DOCUMENT_REVERSE,
            ImageFormat.sniff(reverse).map(ImageFormat::mimeType).orElse("application/octet-stream"), reverse);
    v.attachDocument(frontId, reverseId);
    v.inputsReceived(now);
    DocumentInspection inspection = inspector.inspect(country, documentType, front, reverse, step.config().minimumAge());
    String details = DocumentDetailsJson.of(inspection, mime, now);
    if (inspection.extractionOff()) {
      return review(locked, v, EXTRACTION_OFF, details);
    }
    if (inspection.passed()) {
      return completeStep(locked, v, details);
    }
    String reason = inspection.failure();
    return isUserFixable(reason, step)
        ? retryOrDecline(locked, step, v, reason, details)
        : failOrReview(locked, step, v, reason, details);
  }

  static boolean isUserFixable(String reason, FlowStep step) {
    return RETAKEABLE.contains(reason) || catalogued(reason, step).map(Reason::isUserFixable).orElse(false);
  }

  /** The catalogue's entry for a declined {@code reason} of {@code step}'s validator. */
  private static Optional<Reason> catalogued(String reason, FlowStep step) {
    return ReasonCatalogue.standard().find(ReasonKind.DECLINED, reason, step.type().wireValue());
  }

  /**
   * The user withdraws: the process ends declined {@code canceled}; the validation they were on
   * records the reason they picked (a catalogued cancel reason, else {@code canceled}).
   */
  public FlowScreen cancel(Caller web, String reason) {
    Locked locked = lock(web);
    OffsetDateTime now = now();
    String picked =
        reason != null && ReasonCatalogue.standard().isKnown(ReasonKind.CANCELED, reason) ? reason : "canceled";
    for (Validation v : locked.validations()) {
      if (v.isPending()) {
        v.decline(picked, null, now);
      }
    }
    locked.process.decline("canceled", now);
    LOG.fine(() -> "process " + locked.process.processId() + " canceled by the user (" + reason + ")");
    return screen(locked, null, null);
  }

  // --- outcome rules ------------------------------------------------------------------------

  /** The step's validation passed: move to the next step, or finish the process. */
  FlowScreen completeStep(Locked locked, Validation v) {
    return completeStep(locked, v, null);
  }

  FlowScreen completeStep(Locked locked, Validation v, String detailsJson) {
    OffsetDateTime now = now();
    v.succeed(detailsJson, now);
    locked.process.advance(now);
    if (locked.process.currentStepIndex() >= locked.definition.steps().size()) {
      locked.process.succeed(now);
      return screen(locked, null, null);
    }
    return screen(locked, locked.currentValidation(v.ipAddress()), null);
  }

  FlowScreen declineStep(Locked locked, Validation v, String reason, String detailsJson) {
    OffsetDateTime now = now();
    v.decline(reason, detailsJson, now);
    locked.process.decline(reason, now);
    return screen(locked, null, reason);
  }

  /** A user-fixable failure: retry while retries remain, then decline. */
  FlowScreen retryOrDecline(Locked locked, FlowStep step, Validation v, String reason, String detailsJson) {
    return retryOrDecline(locked, step, v, reason, detailsJson, reason);
  }

  /**
   * As {@link #retryOrDecline(Locked, FlowStep, Validation, String, String)}, showing {@code hint}
   * instead of the catalogue code on the retry screen.
   */
  FlowScreen retryOrDecline(Locked locked, FlowStep step, Validation v, String reason, String detailsJson, String hint) {
    if (v.retryAfter(reason, detailsJson, now())) {
      return screen(locked, v, hint);
    }
    return declineStep(locked, v, reason, detailsJson);
  }

  /** A final failure: manual review when the flow enables it and the reason allows it, else decline. */
  FlowScreen failOrReview(Locked locked, FlowStep step, Validation v, String reason, String detailsJson) {
    boolean reviewable = catalogued(reason, step).map(Reason::triggersManualReview).orElse(false);
    if (step.config().manualReviewEnabled() && reviewable) {
      return review(locked, v, reason, detailsJson);
    }
    return declineStep(locked, v, reason, detailsJson);
  }

  FlowScreen review(Locked locked, Validation v, String reason, String detailsJson) {
    v.sendToReview(reason, detailsJson, now());
    reviews.store(new ReviewTask(locked.process.clientId(), locked.process.processId(), v.validationId(), reason, now()));
    return screen(locked, v, reason);
  }

  // --- helpers --------------------------------------------------------------------------------

  private Optional<FaceMatcher> faceEngine() {
    if (!faceMatchers.isResolvable()) {
      return Optional.empty();
    }
    FaceMatcher m = faceMatchers.get();
    return m.isAvailable() ? Optional.of(m) : Optional.empty();
  }

  private Optional<byte[]> documentFront(Locked locked) {
    for (Validation v : locked.validations()) {
      if (v.type() == StepType.DOCUMENT_VALIDATION && v.frontMediaId() != null) {
        return Optional.of(media.read(locked.process.clientId(), v.frontMediaId()).bytes());
      }
    }
    return Optional.empty();
  }

  private static String faceDetails(String similarityStatus, Double score) {
    var face = JSON.createObjectBuilder().add("similarity_status", similarityStatus);
    if (score != null) {
      face.add("confidence_score", Math.round(score * 10000) / 10000.0);
    }
    return JSON.createObjectBuilder().add("face_recognition_validations", face).build().toString();
  }

  /** Phones and e-mails the token preset (its {@code additional_data}). */
  static Optional<String> presetDestination(IdentityProcess process, StepType type) {
    if (process.startData() == null) {
      return Optional.empty();
    }
    JsonObject data;
    try (JsonReader reader = JSON.createReader(new StringReader(process.startData()))) {
      data = reader.readObject();
    }
    JsonArray list = data.getJsonArray(type == StepType.PHONE_VERIFICATION ? "phones" : "emails");
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.getString(0));
  }

  private FlowScreen screen(Locked locked, Validation v, String notice) {
    IdentityProcess p = locked.process;
    FlowStep step = p.isPending() ? locked.definition.steps().get(p.currentStepIndex()) : null;
    String preset = step == null ? null : presetDestination(p, step.type()).orElse(null);
    ProcessView view = new ProcessView(p, locked.validations(), locked.definition);
    return new FlowScreen(view, step, p.isPending() ? v : null, preset, notice);
  }

  private Locked lock(Caller web) {
    web.requireWeb();
    // Every action re-checks the token: a revocation stops a user who already has the page open.
    webTokens.findByJti(web.jti()).orElseThrow(UnauthorizedException::new).requireNotRevoked();
    return lockProcessOf(web);
  }

  /** The caller's process, row-locked for this transaction. */
  private Locked lockProcessOf(Caller web) {
    IdentityProcess found = processes.findByJti(web.jti()).orElseThrow(UnauthorizedException::new);
    IdentityProcess process = processes.lock(found.id()).orElseThrow(UnauthorizedException::new);
    return new Locked(process, definitions.of(process.flowId(), process.flowVersion()));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** A process locked for this transaction, with the definition of its flow version. */
  final class Locked {
    final IdentityProcess process;
    final FlowDefinition definition;
    /** The process's validations, read once: nobody else can add any while the row is locked. */
    private List<Validation> validations;

    Locked(IdentityProcess process, FlowDefinition definition) {
      this.process = process;
      this.definition = definition;
    }

    List<Validation> validations() {
      if (validations == null) {
        validations = new ArrayList<>(HostedFlowService.this.validations.listByProcess(process.clientId(), process.processId()));
      }
      return validations;
    }

    FlowStep requireStep(StepType... allowed) {
      if (!process.isPending()) {
        throw new ConflictException("This process has already finished");
      }
      FlowStep step = definition.steps().get(process.currentStepIndex());
      if (!List.of(allowed).contains(step.type())) {
        throw new ConflictException("The current step is " + step.type().wireValue());
      }
      return step;
    }

    /** The current step's pending validation, created when the user reaches the step. */
    Validation currentValidation(String ipAddress) {
      if (!process.isPending()) {
        return null;
      }
      int index = process.currentStepIndex();
      Validation latest = ProcessExpiry.latestAt(validations(), index);
      if (latest != null && latest.isPending()) {
        return latest;
      }
      FlowStep step = definition.steps().get(index);
      Validation created =
          new Validation(
              process.processId(), process.clientId(), process.accountId(), index, step.type(),
              step.config().allowedRetries(),
              step.type() == StepType.FACE_RECOGNITION ? step.config().faceThreshold() : null,
              ipAddress == null ? process.ipAddress() : ipAddress, now());
      HostedFlowService.this.validations.store(created);
      validations().add(created);
      return created;
    }
  }

}
