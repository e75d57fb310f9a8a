package io.idforge.identity.core.application;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.core.application.steps.DocumentStepHandler;
import io.idforge.identity.core.application.steps.FaceStepHandler;
import io.idforge.identity.core.application.steps.OtpStepHandler;
import io.idforge.identity.core.application.steps.UploadLimits;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import io.idforge.identity.core.domain.webtoken.WebTokenRepository;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The hosted flow's channel on the engine: each user action is one transaction that locks the
 * process, dispatches to the step's handler and the engine, and answers the {@link FlowScreen} to
 * show next. Page views ({@link #open}) are one transaction too; building a postback's form needs
 * only {@link #peek}, which reads without a transaction or lock.
 */
@Stateless
public class HostedFlowService {

  /** Notice when the channel of the current step has no provider configured. */
  public static final String CHANNEL_UNAVAILABLE = OtpStepHandler.CHANNEL_UNAVAILABLE;

  /** Notice after a code was (re)sent. */
  public static final String CODE_SENT = OtpStepHandler.CODE_SENT;

  /** Notice when a typed code had expired. */
  public static final String CODE_EXPIRED = OtpStepHandler.CODE_EXPIRED;

  /** Largest accepted upload, as Truora's image limit. */
  public static final long MAX_UPLOAD_BYTES = UploadLimits.MAX_UPLOAD_BYTES;

  /** Actor of the events the end user causes. */
  static final String USER = "user";

  @Inject ProcessService processService;

  @Inject ProcessRepository processes;

  @Inject ValidationRepository validations;

  @Inject WebTokenRepository webTokens;

  @Inject FlowDefinitions definitions;

  @Inject ProcessRecords records;

  @Inject ProcessEngine engine;

  @Inject OtpStepHandler otp;

  @Inject DocumentStepHandler documents;

  @Inject FaceStepHandler faces;

  /** Starts or resumes the token's process and shows the step it is on. */
  public FlowScreen open(Caller web, String ipAddress) {
    // startOrResumeProcess checked the token under its row lock: no second check here.
    IdentityProcess process = processService.startOrResumeProcess(web, "web", ipAddress);
    ProcessRecord r = records.lock(process, USER);
    engine.expire(r);
    Validation current = engine.currentValidation(r, ipAddress);
    records.save(r);
    return screen(r, current, null);
  }

  /**
   * The screen as stored, read without a transaction or a lock and without changing anything: what
   * a postback needs to rebuild its form before the action runs in a transaction of its own.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<FlowScreen> peek(Caller web) {
    web.requireWeb();
    return processes
        .findByJti(web.jti())
        .map(
            p -> {
              List<Validation> list = validations.listByProcess(p.clientId(), p.processId());
              ProcessRecord r =
                  ProcessRecord.of(p, definitions.of(p.flowId(), p.flowVersion()), list, v -> Optional.empty(), USER);
              Validation current = p.isPending() ? r.latestAt(p.currentStepIndex()) : null;
              return screen(r, current != null && current.isPending() ? current : null, null);
            });
  }

  /**
   * Sends (or re-sends) a one-time code for the current phone or e-mail step. A destination the
   * token preset wins: the user cannot change it.
   *
   * @param destination the normalised phone (E.164) or e-mail typed by the user, or null
   */
  public FlowScreen sendCode(Caller web, String destination, String lang) {
    return act(web, (r, v) -> {
      requireType(v, StepType.PHONE_VERIFICATION, StepType.EMAIL_VERIFICATION);
      String target = presetDestination(r.process(), v.type()).orElse(destination);
      if (target == null || target.isBlank()) {
        throw new InvalidRequestException(
            "Invalid request: " + (v.type() == StepType.PHONE_VERIFICATION ? "phone" : "email") + " is required");
      }
      return otp.sendCode(v, target, lang, r.definition().branding());
    });
  }

  /** Checks a typed code: success moves on; a wrong code uses a retry; none left declines. */
  public FlowScreen submitCode(Caller web, String code) {
    return act(web, (r, v) -> {
      requireType(v, StepType.PHONE_VERIFICATION, StepType.EMAIL_VERIFICATION);
      return otp.submitCode(r, v, code);
    });
  }

  /**
   * Takes the photos of a document step; the inspection runs after this transaction, off the lock.
   *
   * @param reverse the back side; null for passports
   */
  public FlowScreen submitDocument(Caller web, String country, String documentType, byte[] front, byte[] reverse) {
    return act(web, (r, v) -> {
      requireType(v, StepType.DOCUMENT_VALIDATION);
      return documents.submit(r, v, country, documentType, front, reverse);
    });
  }

  /** Takes the selfie of a face step; the comparison runs after this transaction, off the lock. */
  public FlowScreen submitSelfie(Caller web, byte[] selfie) {
    return act(web, (r, v) -> {
      requireType(v, StepType.FACE_RECOGNITION);
      return faces.submit(r, v, selfie);
    });
  }

  /**
   * A recorded liveness burst for the current face step (frames in capture order).
   *
   * @see FaceStepHandler#submitBurst
   */
  public FlowScreen submitBurst(Caller web, java.util.List<byte[]> frames) {
    return act(web, (r, v) -> {
      requireType(v, StepType.FACE_RECOGNITION);
      return faces.submitBurst(r, v, frames);
    });
  }

  /**
   * The liveness actions of the current face step's attempt, chosen and stored on the first call
   * (a page view); empty when the current step is no face step awaiting a selfie, or does not ask
   * for liveness.
   */
  public java.util.List<String> livenessChallenge(Caller web) {
    ProcessRecord r = lock(web);
    if (!r.process().isPending() || (r.definition().asksConsent() && r.process().consentGiven() == null)) {
      return java.util.List.of();
    }
    Validation v = engine.currentValidation(r, null);
    if (v == null || v.type() != StepType.FACE_RECOGNITION || !v.awaitingInput()
        || !r.currentStep().config().liveness().active()) {
      return java.util.List.of();
    }
    java.util.List<String> actions = faces.challenge(v);
    records.save(r);
    return actions;
  }

  /** Version of the welcome screen's data-authorization text; stored with the language shown. */
  public static final String CONSENT_TEXT_VERSION = "1";

  /**
   * The user's answer on the welcome screen of a flow with a privacy notice: given, the first step
   * opens; refused, the process ends declined {@code data_authorization_not_provided}. The answer
   * is stored with the text version, time, IP and user agent (see the result's {@code consent}).
   *
   * @param language the language the text was shown in
   */
  public FlowScreen consent(Caller web, boolean given, String language, String ipAddress, String userAgent) {
    ProcessRecord r = lock(web);
    if (engine.expire(r)) {
      records.save(r);
      return screen(r, null, null);
    }
    if (!r.definition().asksConsent()) {
      throw new ConflictException("This flow asks for no data authorization");
    }
    engine.recordConsent(r, given, CONSENT_TEXT_VERSION + "/" + language, ipAddress, userAgent);
    Validation current = r.process().isPending() ? engine.currentValidation(r, null) : null;
    records.save(r);
    return screen(r, current, null);
  }

  /**
   * The user withdraws: the process ends declined {@code canceled}; the validation they were on
   * records the reason they picked (a catalogued cancel reason, else {@code canceled}).
   */
  public FlowScreen cancel(Caller web, String reason) {
    ProcessRecord r = lock(web);
    engine.cancel(r, reason);
    records.save(r);
    return screen(r, null, null);
  }

  /** Locks, expires an overdue process, runs {@code action} on the current step's validation, saves. */
  private FlowScreen act(Caller web, BiFunction<ProcessRecord, Validation, String> action) {
    ProcessRecord r = lock(web);
    if (engine.expire(r)) {
      records.save(r);
      return screen(r, null, null);
    }
    Validation v = engine.currentValidation(r, null);
    if (v == null) {
      throw new ConflictException("This process has already finished");
    }
    if (r.definition().asksConsent() && r.process().consentGiven() == null) {
      throw new ConflictException("The data authorization comes before the first step");
    }
    String notice = action.apply(r, v);
    // A passed step has already started the next one; a retried step is still the same.
    Validation current = engine.currentValidation(r, null);
    records.save(r);
    return screen(r, current, notice);
  }

  private static void requireType(Validation v, StepType... allowed) {
    if (!List.of(allowed).contains(v.type())) {
      throw new ConflictException("The current step is " + v.type().wireValue());
    }
  }

  private ProcessRecord lock(Caller web) {
    web.requireWeb();
    // Every action re-checks the token: a revocation stops a user who already has the page open.
    webTokens.findByJti(web.jti()).orElseThrow(UnauthorizedException::new).requireNotRevoked();
    IdentityProcess found = processes.findByJti(web.jti()).orElseThrow(UnauthorizedException::new);
    return records.lock(found, USER);
  }

  /** Phones and e-mails the token preset (its {@code additional_data}). */
  public static Optional<String> presetDestination(IdentityProcess process, StepType type) {
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

  private static FlowScreen screen(ProcessRecord r, Validation v, String notice) {
    IdentityProcess p = r.process();
    FlowStep step = r.currentStep();
    String preset = step == null ? null : presetDestination(p, step.type()).orElse(null);
    ProcessView view = new ProcessView(p, r.validations(), r.definition());
    return new FlowScreen(view, step, p.isPending() ? v : null, preset, notice);
  }
}
