package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Reads of one process ({@code GET /v1/processes/{id}} and its {@code /result}) without a
 * transaction: the process row, then its validations, each a plain select in auto-commit. Only
 * an overdue pending process needs a write (expiring it before it is shown), and that one goes
 * through {@link ProcessService#get}, which locks and expires it in a transaction.
 *
 * <p>Why not {@link ProcessService#get} for every read: that is a {@code @Stateless} call, so each
 * read paid the EJB container's interceptors and a JTA transaction (BEGIN and COMMIT on the
 * connection) around two selects (bench/STEPS.md). Nothing is lost in consistency: inside a
 * READ COMMITTED transaction each select took its own snapshot too.
 */
@ApplicationScoped
public class ProcessReads {

  @Inject ProcessRepository processes;

  @Inject ValidationRepository validations;

  @Inject FlowDefinitions definitions;

  @Inject ProcessService transactional;

  @Inject Clock clock;

  /**
   * The caller's process, as {@link ProcessService#get}: a web token may read only the process it
   * started; another tenant's id is not found.
   */
  public ProcessView get(Caller caller, String processId) {
    IdentityProcess process =
        processes
            .find(caller.clientId(), processId)
            .filter(p -> caller.kind() == Caller.Kind.BACKEND || p.jti().equals(caller.jti()))
            .orElseThrow(() -> new NotFoundException("Resource not found"));
    if (process.isOverdue(OffsetDateTime.now(clock))) {
      return transactional.get(caller, processId);
    }
    return new ProcessView(
        process,
        validations.listByProcess(process.clientId(), process.processId()),
        definitions.of(process.flowId(), process.flowVersion()));
  }
}
