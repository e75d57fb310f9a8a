package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.process.ExpiryPolicy;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Ends processes that ran out of time, with the {@code expired_reason} {@link ExpiryPolicy}
 * chooses. Idempotent: a process that is no longer pending or overdue is left alone, so the job
 * and a concurrent read (or two instances) cannot expire one process twice.
 */
@Stateless
public class ProcessExpiry {

  private static final Logger LOG = Logger.getLogger(ProcessExpiry.class.getName());

  @Inject ProcessRepository processes;

  @Inject ValidationRepository validations;

  @Inject FlowDefinitions definitions;

  /**
   * Expires one process by surrogate id in its own transaction, locking the row first.
   *
   * @return true when the process was expired by this call
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean expireById(long id, OffsetDateTime now) {
    IdentityProcess process = processes.lock(id).orElse(null);
    if (process == null || !process.isOverdue(now)) {
      return false;
    }
    return expireOverdue(process, definitions.of(process.flowId(), process.flowVersion()), now);
  }

  /** The last validation of step {@code stepIndex} (a retried step has several), or null. */
  static Validation latestAt(List<Validation> ordered, int stepIndex) {
    Validation latest = null;
    for (Validation v : ordered) {
      if (v.stepIndex() == stepIndex) {
        latest = v;
      }
    }
    return latest;
  }

  /** Expires (or grants grace to) an overdue process inside the caller's transaction. */
  public boolean expireOverdue(IdentityProcess process, FlowDefinition definition, OffsetDateTime now) {
    List<FlowStep> steps = definition.steps();
    FlowStep step = steps.get(Math.min(process.currentStepIndex(), steps.size() - 1));
    Validation current =
        latestAt(validations.listByProcess(process.clientId(), process.processId()), process.currentStepIndex());
    ExpiryPolicy.Decision decision =
        ExpiryPolicy.decide(step.type(), current, process.extendForPendingChecksPossible());
    if (decision instanceof ExpiryPolicy.Extend) {
      process.extendForPendingChecks(now);
      return false;
    }
    String reason = ((ExpiryPolicy.Expire) decision).reason();
    if (current != null) {
      current.expire(reason, now);
    }
    process.expire(reason, now);
    LOG.fine(() -> "expired process " + process.processId() + " (" + reason + ")");
    return true;
  }
}
