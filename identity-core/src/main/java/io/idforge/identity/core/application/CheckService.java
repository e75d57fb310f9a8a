package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.enrollment.Enrollment;
import io.idforge.identity.core.domain.enrollment.EnrollmentRepository;
import io.idforge.identity.core.application.steps.FrameBurst;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.LivenessConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import io.idforge.identity.core.engine.CheckResult;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The transactional ends of a check: reading its inputs before it runs, applying its result after,
 * and the timer's sweep of checks past their due time. Each is a short transaction of its own.
 */
@Stateless
public class CheckService {

  @Inject ValidationRepository validations;

  @Inject ProcessRepository processes;

  @Inject FlowDefinitions definitions;

  @Inject MediaService media;

  @Inject EnrollmentRepository enrollments;

  @Inject ProcessRecords records;

  @Inject io.idforge.identity.core.domain.review.ReviewTaskRepository reviews;

  @Inject ProcessEngine engine;

  @Inject DocumentTags documentTags;

  @Inject Clock clock;

  /** The inputs of attempt {@code attempt}, or empty when that attempt is no longer being checked. */
  public Optional<CheckInputs> inputs(String validationId, int attempt) {
    Validation v = validations.findById(validationId).orElse(null);
    if (v == null || !v.isChecking() || v.attempt() != attempt) {
      return Optional.empty();
    }
    String client = v.clientId();
    return Optional.of(
        switch (v.type()) {
          case DOCUMENT_VALIDATION -> {
            MediaService.MediaContent front = media.read(client, v.frontMediaId());
            byte[] reverse = v.reverseMediaId() == null ? null : media.read(client, v.reverseMediaId()).bytes();
            yield new CheckInputs(
                validationId, attempt, v.type(), v.documentCountry(), v.documentType(), front.bytes(), front.mimeType(),
                reverse, null, null, minimumAge(v), null);
          }
          case FACE_RECOGNITION ->
              new CheckInputs(
                  validationId, attempt, v.type(), null, null, null, null, null,
                  media.read(client, v.faceMediaId()).bytes(), portrait(v).orElse(null), null, v.threshold(),
                  liveness(v), v.livenessActions(),
                  v.framesMediaId() == null ? null : FrameBurst.unpack(media.read(client, v.framesMediaId()).bytes()));
          default -> throw new IllegalStateException(v.type() + " has no deferred check");
        });
  }

  /**
   * Applies a check result under the row lock, in a transaction of its own. Applying the same
   * result twice, or a result of an attempt that was canceled or expired meanwhile, changes nothing.
   *
   * @return true when this call changed the validation
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean apply(String validationId, int attempt, CheckResult result) {
    Validation found = validations.findById(validationId).orElse(null);
    if (found == null) {
      return false;
    }
    ProcessRecord r = records.lock(found, "system");
    Validation v = r.find(validationId).orElseThrow();
    boolean applied = engine.apply(r, v, attempt, result);
    if (applied && v.type() == io.idforge.identity.core.domain.flow.StepType.DOCUMENT_VALIDATION) {
      documentTags.fromDetails(v.details()).ifPresent(v::tagDocument);
    }
    records.save(r);
    return applied;
  }

  /** Public ids of running checks past their due time (for the checks job). */
  public List<String> due(OffsetDateTime now, int limit) {
    return validations.findChecksDue(now, limit);
  }

  /**
   * A check past its due time, in its own transaction: a grace period and a fresh run, or the
   * expiry of the validation (and its process) with {@code pending_validation_methods}.
   *
   * @return true when the validation expired
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean overdue(String validationId) {
    Validation found = validations.findById(validationId).orElse(null);
    if (found == null || !found.isChecking()) {
      return false;
    }
    ProcessRecord r = records.lock(found, "system");
    Validation v = r.find(validationId).orElseThrow();
    boolean expired = engine.checkOverdue(r, v);
    records.save(r);
    return expired;
  }

  /** Validation ids of reviews at or past their deadline (for the expiry job). */
  public List<String> reviewsDue(OffsetDateTime now, int limit) {
    return reviews.findOverdueValidationIds(now, limit);
  }

  /**
   * A review past its deadline, in its own transaction: the validation and its process expire
   * {@code manual_review_expired}.
   *
   * @return true when it expired
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean reviewOverdue(String validationId) {
    Validation found = validations.findById(validationId).orElse(null);
    if (found == null || !found.inReview()) {
      return false;
    }
    ProcessRecord r = records.lock(found, "system");
    Validation v = r.find(validationId).orElseThrow();
    boolean expired = engine.reviewOverdue(r, v);
    records.save(r);
    return expired;
  }

  /** Checks that were running before {@code before}: after a restart nothing else will finish them. */
  public List<String> interrupted(OffsetDateTime before, int limit) {
    return validations.findChecking(before, limit);
  }

  /** The attempt a checking validation is on, or -1 (for resuming interrupted checks). */
  public int attemptOf(String validationId) {
    return validations.findById(validationId).filter(Validation::isChecking).map(Validation::attempt).orElse(-1);
  }

  /** The face step's liveness setting; standalone validations (no flow) have none. */
  private LivenessConfig liveness(Validation v) {
    if (v.processId() == null) {
      return LivenessConfig.OFF;
    }
    IdentityProcess p = processes.find(v.clientId(), v.processId()).orElseThrow();
    return definitions.of(p.flowId(), p.flowVersion()).steps().get(v.stepIndex()).config().liveness();
  }

  private Integer minimumAge(Validation v) {
    if (v.processId() == null) {
      return null;
    }
    IdentityProcess p = processes.find(v.clientId(), v.processId()).orElseThrow();
    FlowStep step = definitions.of(p.flowId(), p.flowVersion()).steps().get(v.stepIndex());
    return step.config().minimumAge();
  }

  /**
   * The portrait a selfie is compared with: the front of the process's document, or for a
   * standalone validation the account's face enrollment, else the front of its latest successful
   * document validation.
   */
  private Optional<byte[]> portrait(Validation selfie) {
    if (selfie.processId() == null) {
      // A face enrollment is the account's chosen reference: it wins over any document.
      Optional<String> enrolled =
          enrollments.listByAccount(selfie.clientId(), selfie.accountId(), 20).stream()
              .filter(Enrollment::isFaceReference)
              .map(Enrollment::mediaId)
              .findFirst();
      if (enrolled.isPresent()) {
        return Optional.of(media.read(selfie.clientId(), enrolled.get()).bytes());
      }
    }
    List<Validation> candidates =
        selfie.processId() != null
            ? validations.listByProcess(selfie.clientId(), selfie.processId())
            : validations.listByAccount(selfie.clientId(), selfie.accountId(), Long.MAX_VALUE, 50);
    Validation best = null;
    for (Validation v : candidates) {
      if (v.type() != StepType.DOCUMENT_VALIDATION || v.frontMediaId() == null) {
        continue;
      }
      boolean usable = selfie.processId() != null || v.status() == io.idforge.identity.core.domain.process.ProcessStatus.SUCCESS;
      if (usable && (best == null || selfie.processId() != null)) {
        best = v; // in a process: the last document attempt; standalone: the newest verified one
      }
    }
    return best == null ? Optional.empty() : Optional.of(media.read(selfie.clientId(), best.frontMediaId()).bytes());
  }
}
