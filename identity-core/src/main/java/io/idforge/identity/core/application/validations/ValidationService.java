package io.idforge.identity.core.application.validations;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.core.application.AccountService;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.HostedFlowService;
import io.idforge.identity.core.application.ProcessRecords;
import io.idforge.identity.core.application.ProcessService;
import io.idforge.identity.core.application.steps.DocumentStepHandler;
import io.idforge.identity.core.application.steps.FaceStepHandler;
import io.idforge.identity.core.application.steps.OtpStepHandler;
import io.idforge.identity.core.application.steps.UploadLimits;
import io.idforge.identity.core.domain.account.Account;
import io.idforge.identity.core.domain.account.AccountRepository;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.review.ReviewTaskRepository;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.shared.IdentityException;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.domain.shared.PageKeys;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import io.idforge.identity.core.security.SigningKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Truora's validators API on the engine. A backend key drives standalone validations (no
 * process); a web integration token drives only the current step of its own process, exactly as
 * the hosted pages do. Every call is one transaction that locks the process (or the standalone
 * validation), dispatches to the step's handler and the engine, and stores what they produced.
 */
@Stateless
public class ValidationService {

  /** Actor of the events a custom front end causes (the end user, through the tenant's app). */
  static final String USER = "user";

  /** Answer to a code for a validation that is no longer waiting for one (Truora's wording). */
  static final String NO_LONGER_AVAILABLE = "Invalid request: requested validation is no longer available";

  @Inject ValidationRepository validations;

  @Inject ProcessRepository processes;

  @Inject AccountRepository accounts;

  @Inject ReviewTaskRepository reviews;

  @Inject AccountService accountService;

  @Inject ProcessService processService;

  @Inject ProcessRecords records;

  @Inject ProcessEngine engine;

  @Inject DocumentStepHandler documents;

  @Inject FaceStepHandler faces;

  @Inject OtpStepHandler otp;

  @Inject SigningKeys keys;

  @Inject Clock clock;

  // --- create -----------------------------------------------------------------------------------

  /**
   * {@code POST /v1/validations}: a standalone validation (backend or sdk key) or the current
   * step's (web token).
   */
  public ValidationView create(Caller caller, ValidationRequest req, String ipAddress) {
    if (caller.kind() == Caller.Kind.WEB) {
      return createOnProcess(caller, req, ipAddress);
    }
    return createStandalone(caller.requireBackendOrSdk(), req, ipAddress);
  }

  private ValidationView createStandalone(Caller caller, ValidationRequest req, String ipAddress) {
    if (req.accountId() == null && req.type() != StepType.DOCUMENT_VALIDATION) {
      throw new InvalidRequestException("Invalid request: account_id is required for " + req.type().wireValue());
    }
    Account account = accountService.ensure(caller.clientId(), req.accountId());
    OffsetDateTime now = now();
    int timeout = req.timeoutSeconds() == null ? StepConfig.DEFAULT_TIMEOUT_SECONDS : req.timeoutSeconds();
    Validation previous = req.retryOfId() == null ? null : retried(caller, account, req);
    int allowed =
        req.allowedRetries() != null ? req.allowedRetries() : ValidationDefaults.allowedRetries(req.type());
    Double threshold =
        req.type() == StepType.FACE_RECOGNITION
            ? (req.threshold() == null ? StepConfig.DEFAULT_FACE_THRESHOLD : req.threshold())
            : null;
    Validation v =
        new Validation(null, caller.clientId(), account.accountId(), 0, req.type(), allowed, threshold, timeout, ipAddress, now);
    if (previous != null) {
      v.continueRetriesOf(previous);
    }
    ProcessRecord r = ProcessRecord.standalone(v, x -> Optional.empty(), actor(caller));
    List<UploadTicket> uploads = prepareInput(r, v, req, account, null);
    validations.store(v);
    engine.created(r, v);
    records.save(r);
    return new ValidationView(v, uploads);
  }

  /** The failed validation {@code retry_of_id} names; refused unless it may still be retried. */
  private Validation retried(Caller caller, Account account, ValidationRequest req) {
    Validation previous =
        validations
            .find(caller.clientId(), req.retryOfId())
            .filter(Validation::isStandalone)
            .orElseThrow(() -> invalid("retry_of_id " + req.retryOfId() + " is not a validation of this client"));
    if (!previous.accountId().equals(account.accountId()) || previous.type() != req.type()) {
      throw invalid("retry_of_id must name a validation of the same account_id and type");
    }
    if (previous.status() != ProcessStatus.FAILURE) {
      throw invalid("retry_of_id must name a failed validation");
    }
    if (previous.remainingRetries() <= 0) {
      throw invalid("retry_of_id has no retries left");
    }
    return previous;
  }

  private ValidationView createOnProcess(Caller caller, ValidationRequest req, String ipAddress) {
    if (req.retryOfId() != null) {
      throw invalid("retry_of_id is not accepted with a web integration token: the process retries its own steps");
    }
    IdentityProcess process = processService.startOrResumeProcess(caller, "web", ipAddress);
    ProcessRecord r = records.lock(process, USER);
    if (engine.expire(r)) {
      records.save(r);
      throw new ConflictException("This process has already finished");
    }
    Validation v = engine.currentValidation(r, ipAddress);
    if (v == null) {
      throw new ConflictException("This process has already finished");
    }
    if (v.type() != req.type()) {
      throw new ConflictException("The current step of this process is " + v.type().wireValue());
    }
    if (!v.awaitingInput()) {
      throw new ConflictException("The current step of this process is not waiting for input");
    }
    if (req.accountId() != null && !req.accountId().equals(process.accountId())) {
      throw invalid("account_id must be the account of this process");
    }
    Account account = accountService.ensure(process.clientId(), process.accountId());
    List<UploadTicket> uploads = prepareInput(r, v, req, account, process);
    records.save(r);
    return new ValidationView(v, uploads);
  }

  /**
   * What the validation needs before its input arrives: the announced document and its upload
   * links, the selfie's link, or the one-time code sent.
   */
  private List<UploadTicket> prepareInput(
      ProcessRecord r, Validation v, ValidationRequest req, Account account, IdentityProcess process) {
    long expires = now().plusSeconds(v.timeoutSeconds()).toEpochSecond();
    switch (v.type()) {
      case DOCUMENT_VALIDATION -> {
        // New links start this attempt's input afresh (a retried step keeps the last attempt's).
        v.clearInputs();
        documents.expect(r, v, req.country(), req.documentType());
        List<UploadTicket> out = new ArrayList<>();
        out.add(ticket(v, UploadSide.FRONT, expires));
        if (!DocumentStepHandler.needsNoReverse(req.documentType())) {
          out.add(ticket(v, UploadSide.REVERSE, expires));
        }
        return out;
      }
      case FACE_RECOGNITION -> {
        v.clearInputs();
        return List.of(ticket(v, UploadSide.SELFIE, expires));
      }
      default -> {
        String destination = destination(v.type(), req, account, process);
        String sent = otp.sendCode(v, destination, req.language() == null ? "es" : req.language());
        if (!OtpStepHandler.CODE_SENT.equals(sent)) {
          throw new ConflictException("No provider is configured to send " + v.type().wireValue() + " codes");
        }
        return List.of();
      }
    }
  }

  /** The form's destination, else the one the token preset, else the account's enrolled one. */
  private static String destination(StepType type, ValidationRequest req, Account account, IdentityProcess process) {
    boolean phone = type == StepType.PHONE_VERIFICATION;
    String given = phone ? req.phoneNumber() : req.email();
    if (given == null && process != null) {
      given = HostedFlowService.presetDestination(process, type).orElse(null);
    }
    if (given == null) {
      given = phone ? account.phoneNumber() : account.email();
    }
    if (given == null || given.isBlank()) {
      throw invalid(
          (phone ? "phone_number" : "email") + " is required: the account has no enrolled "
              + (phone ? "phone number" : "e-mail"));
    }
    return given;
  }

  private UploadTicket ticket(Validation v, UploadSide side, long expires) {
    long max = UploadLimits.MAX_UPLOAD_BYTES;
    return new UploadTicket(
        v.validationId(), v.attempt(), side, max, expires,
        UploadLinkSignature.sign(keys.ring().activeSecret(), v.clientId(), v.validationId(), v.attempt(), side, max, expires));
  }

  // --- upload -----------------------------------------------------------------------------------

  /**
   * {@code PUT <upload link>}: no API key, the signature is the credential. When the last side the
   * validation needs arrives, the validation is submitted through its step's handler.
   *
   * @throws ForbiddenException for a forged, foreign or expired link
   * @throws ConflictException when the link was already used or the validation stopped waiting
   */
  public Uploaded upload(
      String validationId, int attempt, UploadSide side, long maxBytes, long expires, String signature, byte[] file) {
    if (side == UploadSide.REFERENCE) {
      throw new ForbiddenUpload(); // a validation has no reference-photo link
    }
    Validation found = validations.findById(validationId).orElseThrow(ForbiddenUpload::new);
    if (!UploadLinkSignature.verify(
        keys.ring().activeSecret(), found.clientId(), validationId, attempt, side, maxBytes, expires, signature,
        clock.instant())) {
      throw new ForbiddenUpload();
    }
    if (file.length > maxBytes) {
      throw invalid("the file is larger than the link's max-size of " + maxBytes + " bytes");
    }
    ProcessRecord r = records.lock(found, USER);
    Validation v = r.find(validationId).orElseThrow();
    if (r.hasProcess()) {
      if (engine.expire(r)) {
        records.save(r);
        throw new ConflictException("This process has already finished");
      }
    } else if (engine.expireStandalone(r, v, deadline(v))) {
      records.save(r);
      throw new ConflictException("This validation has expired");
    }
    if (!v.awaitingInput() || v.attempt() != attempt || alreadyUploaded(v, side)) {
      throw new ConflictException("This upload link has already been used");
    }
    String refused =
        side == UploadSide.SELFIE
            ? faces.submit(r, v, file)
            : documents.submitSide(r, v, side == UploadSide.FRONT, file);
    records.save(r);
    // A file the check cannot use costs a retry, like on the hosted pages: the answer says why
    // (an error here would roll the used retry back).
    return new Uploaded(v, refused);
  }

  /**
   * What an upload did.
   *
   * @param refusal the reason the file was refused (it used a retry, or declined the validation),
   *     or null when it was taken
   */
  public record Uploaded(Validation validation, String refusal) {}

  private static boolean alreadyUploaded(Validation v, UploadSide side) {
    return switch (side) {
      case FRONT -> v.frontMediaId() != null;
      case REVERSE -> v.reverseMediaId() != null;
      case SELFIE -> v.faceMediaId() != null;
      case REFERENCE -> true;
    };
  }

  // --- codes ------------------------------------------------------------------------------------

  /**
   * {@code POST /v1/validations/{id}} with the code: right succeeds (and moves the process on), a
   * wrong one uses a retry, the last wrong one declines {@code max_retries_reached}.
   */
  public ValidationView submitCode(Caller caller, String validationId, StepType type, String code) {
    Validation found = visible(caller, validationId);
    if (found.type() != type) {
      throw invalid("type must be " + found.type().wireValue() + " for this validation");
    }
    if (found.type() != StepType.EMAIL_VERIFICATION && found.type() != StepType.PHONE_VERIFICATION) {
      throw invalid("only phone-verification and email-verification validations take a token");
    }
    ProcessRecord r = records.lock(found, actor(caller));
    Validation v = r.find(validationId).orElseThrow();
    boolean stale;
    if (r.hasProcess()) {
      stale = engine.expire(r) || r.currentStep() == null || r.latestAt(r.process().currentStepIndex()) != v;
    } else {
      stale = engine.expireStandalone(r, v, deadline(v));
    }
    if (stale || !v.awaitingInput() || v.challenge().isEmpty()) {
      records.save(r);
      throw new IdentityException(ErrorCode.VALIDATION_UNAVAILABLE, NO_LONGER_AVAILABLE);
    }
    String notice = otp.submitCode(r, v, code);
    records.save(r);
    if (OtpStepHandler.CODE_EXPIRED.equals(notice)) {
      throw new IdentityException(ErrorCode.VALIDATION_UNAVAILABLE, NO_LONGER_AVAILABLE);
    }
    return new ValidationView(v, List.of());
  }

  // --- reads ------------------------------------------------------------------------------------

  /**
   * {@code GET /v1/validations/{id}}. A standalone validation past its timeout is expired here, so
   * correctness never waits for the sweep.
   */
  public Validation get(Caller caller, String validationId) {
    Validation found = visible(caller, validationId);
    if (found.isStandalone() && found.isPending() && !now().isBefore(deadline(found))) {
      return expireNow(found);
    }
    return found;
  }

  /** Expires one standalone validation past its timeout (the read path and the sweep). */
  public Validation expireNow(Validation found) {
    ProcessRecord r = records.lock(found, "system");
    Validation v = r.find(found.validationId()).orElseThrow();
    engine.expireStandalone(r, v, deadline(v));
    records.save(r);
    return v;
  }

  /** Public ids of standalone validations still waiting for input past their timeout (for the expiry job). */
  public List<String> inputDue(int limit) {
    return validations.findStandaloneInputDue(now(), limit);
  }

  /**
   * Expires one standalone validation past its timeout, in a transaction of its own (the expiry
   * job); one that got its input meanwhile is left alone.
   *
   * @return true when it expired
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean expireIfInputDue(String validationId) {
    Validation found = validations.findById(validationId).orElse(null);
    if (found == null || !found.isStandalone() || !found.awaitingInput()) {
      return false;
    }
    return !expireNow(found).isPending();
  }

  /** {@code GET /v1/accounts/{id}/validations}: newest first, cursor paged. */
  public Page<Validation> listByAccount(Caller caller, String accountId, String startKey, int limit) {
    caller.requireBackend();
    accounts.find(caller.clientId(), accountId).orElseThrow(() -> new NotFoundException("Validation account not found"));
    List<Validation> rows = validations.listByAccount(caller.clientId(), accountId, PageKeys.decode(startKey), limit + 1);
    return PageKeys.page(rows, limit, Validation::id);
  }

  /** When a standalone validation stops waiting: its creation plus its timeout. */
  public static OffsetDateTime deadline(Validation v) {
    return v.createdAt().plusSeconds(v.timeoutSeconds());
  }

  /**
   * The validation if the caller may see it: its tenant's; for a web token only its process's, for
   * an sdk key only standalone ones (a process's validations belong to its web token and the
   * backend).
   */
  private Validation visible(Caller caller, String validationId) {
    if (caller.kind() != Caller.Kind.WEB) {
      caller.requireBackendOrSdk();
    }
    Optional<Validation> found = validations.find(caller.clientId(), validationId);
    if (caller.kind() == Caller.Kind.SDK) {
      found = found.filter(Validation::isStandalone);
    }
    if (caller.kind() == Caller.Kind.WEB) {
      Optional<String> own = processes.findByJti(caller.jti()).map(IdentityProcess::processId);
      found = found.filter(v -> v.processId() != null && own.isPresent() && own.get().equals(v.processId()));
    }
    return found.orElseThrow(() -> new NotFoundException("Validation not found"));
  }

  private static String actor(Caller caller) {
    return caller.kind() == Caller.Kind.BACKEND ? "backend:" + caller.keyName() : USER;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static InvalidRequestException invalid(String message) {
    return new InvalidRequestException("Invalid request: " + message);
  }

  /** A forged, foreign or expired upload link: nothing is said about which. */
  static final class ForbiddenUpload extends ForbiddenException {
    ForbiddenUpload() {
      super("Forbidden: the upload link is invalid or has expired");
    }
  }
}
