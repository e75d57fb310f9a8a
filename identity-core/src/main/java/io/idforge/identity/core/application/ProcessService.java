package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.Flow;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowRepository;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.process.ProcessStart;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.domain.shared.PageKeys;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import io.idforge.identity.core.domain.shared.UnprocessableException;
import io.idforge.identity.core.domain.validation.ValidationRepository;
import io.idforge.identity.core.domain.webtoken.WebToken;
import io.idforge.identity.core.domain.webtoken.WebTokenRepository;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import io.idforge.identity.core.privacy.Redactions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Starts, resumes, reads and lists identity processes. Reads expire an overdue process on the spot,
 * so correctness never waits for the expiry job.
 */
@Stateless
public class ProcessService {

  private static final Logger LOG = Logger.getLogger(ProcessService.class.getName());

  @Inject ProcessRepository processes;

  @Inject ValidationRepository validations;

  @Inject WebTokenRepository webTokens;

  @Inject FlowRepository flows;

  @Inject ProcessRecords records;

  @Inject ProcessEngine engine;

  @Inject Redactions redactions;

  @Inject FlowDefinitions definitions;

  @Inject Clock clock;

  /**
   * {@code DELETE /v1/processes/{id}}: erases the process's personal data now, as the retention
   * purge does, keeping its outcome. A pending process is first canceled (declined
   * {@code canceled}, recorded like a user's cancel) and then redacted, in one transaction:
   * Truora deletes pending processes too, and a process without its data could not go on. A
   * second call answers the same and records nothing.
   */
  public void delete(Caller caller, String processId) {
    caller.requireBackend();
    IdentityProcess found =
        processes.find(caller.clientId(), processId).orElseThrow(() -> new NotFoundException("Resource not found"));
    String actor = "backend:" + caller.keyName();
    ProcessRecord r = records.lock(found, actor);
    if (r.process().isPending()) {
      engine.cancel(r, null);
      records.save(r);
    }
    redactions.redact(r.process(), actor, OffsetDateTime.now(clock));
    LOG.fine(() -> "deleted the personal data of process " + processId);
  }

  /**
   * The process of the caller's web token: created on the first call, the same one on every later
   * call. The token row is locked so two simultaneous first opens still make one process.
   */
  public ProcessView startOrResume(Caller caller, String createdVia, String ipAddress) {
    return view(startOrResumeProcess(caller, createdVia, ipAddress));
  }

  /**
   * As {@link #startOrResume}, without building the view: for callers that lock the process and
   * build their own view next (the hosted pages, on every page view).
   */
  public IdentityProcess startOrResumeProcess(Caller caller, String createdVia, String ipAddress) {
    caller.requireWeb();
    WebToken token = webTokens.findByJtiForUpdate(caller.jti()).orElseThrow(UnauthorizedException::new);
    OffsetDateTime now = OffsetDateTime.now(clock);
    // Revocation ends the user's access at once, also to a process already under way (the hosted
    // pages come back here on every view, long after the token left the URL).
    token.requireNotRevoked();
    if (token.processId() != null) {
      IdentityProcess existing =
          processes.find(token.clientId(), token.processId()).orElseThrow(IllegalStateException::new);
      return expireIfOverdue(existing, now);
    }
    if (token.isExpired(now)) {
      throw new ForbiddenException("Forbidden: the api key has expired");
    }
    Flow flow =
        flows
            .find(token.clientId(), token.flowId())
            .orElseThrow(() -> new UnprocessableException("The flow of this api key no longer exists"));
    if (!flow.enabled()) {
      throw new UnprocessableException("The flow of this api key is disabled");
    }
    IdentityProcess process =
        new IdentityProcess(
            new ProcessStart(
                token.clientId(), token.accountId(), flow.flowId(), flow.flowVersion(), token.jti(),
                createdVia, token.country(), token.redirectUrl(), token.requestData(), ipAddress,
                // The process cannot outlive the token that started it.
                token.expiresAt()),
            now);
    processes.store(process);
    token.bindTo(process.processId());
    ProcessRecord started = ProcessRecord.of(process, definition(process), List.of(), v -> Optional.empty(), "user");
    engine.started(started);
    records.save(started);
    LOG.fine(() -> "started process " + process.processId() + " for client " + process.clientId());
    return process;
  }

  /** The caller's process; a web token may read only the process it started. */
  public ProcessView get(Caller caller, String processId) {
    IdentityProcess process =
        processes
            .find(caller.clientId(), processId)
            .filter(p -> caller.kind() == Caller.Kind.BACKEND || p.jti().equals(caller.jti()))
            .orElseThrow(() -> new NotFoundException("Resource not found"));
    return view(expireIfOverdue(process, OffsetDateTime.now(clock)));
  }

  /** The process a web token started, if any (for the hosted page). */
  public Optional<ProcessView> findByToken(Caller caller) {
    caller.requireWeb();
    return processes.findByJti(caller.jti()).map(p -> view(expireIfOverdue(p, OffsetDateTime.now(clock))));
  }

  public Page<ProcessView> list(Caller caller, ProcessQuery query, String startKey, int limit) {
    caller.requireBackend();
    List<IdentityProcess> rows = processes.list(caller.clientId(), query, PageKeys.decode(startKey), limit + 1);
    Page<IdentityProcess> page = PageKeys.page(rows, limit, IdentityProcess::id);
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<ProcessView> views = new ArrayList<>();
    for (IdentityProcess p : page.items()) {
      views.add(view(expireIfOverdue(p, now)));
    }
    return new Page<>(views, page.nextKey());
  }

  private IdentityProcess expireIfOverdue(IdentityProcess process, OffsetDateTime now) {
    if (!process.isOverdue(now)) {
      return process;
    }
    // The expiry job or another read may be expiring this process right now: take the row lock
    // (which waits for them and re-reads the row) before deciding, instead of writing a stale
    // copy that fails its version check and turns a read into a 409.
    ProcessRecord r = records.lock(process, "system");
    engine.expire(r);
    records.save(r);
    return r.process();
  }

  private ProcessView view(IdentityProcess process) {
    return new ProcessView(
        process, validations.listByProcess(process.clientId(), process.processId()), definition(process));
  }

  private FlowDefinition definition(IdentityProcess process) {
    return definitions.of(process.flowId(), process.flowVersion());
  }
}
