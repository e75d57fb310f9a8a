package io.idforge.identity.core.application.console;

import io.idforge.identity.api.reasons.Reason;
import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.api.reasons.ReasonKind;
import io.idforge.identity.core.application.OverrideService;
import io.idforge.identity.core.application.ProcessService;
import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.application.ReviewService;
import io.idforge.identity.core.domain.audit.AuditRecord;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.engine.ProcessEngine;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/**
 * The console's review queue, review decisions and overrides. Decisions and overrides go through
 * {@link ReviewService} and {@link OverrideService}, the same code the REST API uses, so a process
 * continues or finishes exactly as it would through the API; each is audited in the same
 * transaction (a refused decision rolls back and leaves no entry).
 */
@Stateless
public class ConsoleReviews {

  @Inject ReviewService reviews;

  @Inject OverrideService overrides;

  @Inject ProcessService processes;

  @Inject AuditTrail audit;

  /** A task with its process, for the review page. */
  public record ReviewPage(ReviewTask task, ProcessView process) {}

  /** Open tasks, oldest first (the API's queue order). */
  public Page<ReviewTask> queue(ConsoleActor actor, String startKey, int limit) {
    actor.require(ConsoleRole.REVIEWER, ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    return reviews.list(actor.tenantCaller(), "open", null, startKey, limit);
  }

  public ReviewPage review(ConsoleActor actor, String reviewId) {
    actor.require(ConsoleRole.REVIEWER, ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    ReviewTask task = reviews.get(actor.tenantCaller(), reviewId);
    ProcessView view = task.processId() == null ? null : processes.get(actor.tenantCaller(), task.processId());
    return new ReviewPage(task, view);
  }

  public ReviewTask claim(ConsoleActor actor, String reviewId) {
    actor.require(ConsoleRole.REVIEWER, ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    ReviewTask task = reviews.claim(actor.tenantCaller(), reviewId, actor.username());
    audit.append(new AuditRecord(actor.username(), task.clientId(), actor.sourceIp(), "review_claimed", reviewId,
        "after: claimed by " + actor.username()));
    return task;
  }

  public ReviewTask decide(ConsoleActor actor, String reviewId, boolean approve, String declinedReason, String note) {
    actor.require(ConsoleRole.REVIEWER, ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    ReviewTask task = reviews.decide(actor.tenantCaller(), reviewId,
        approve ? ReviewService.Decision.APPROVED : ReviewService.Decision.DECLINED,
        approve ? null : declinedReason, actor.username(), note);
    audit.append(new AuditRecord(actor.username(), task.clientId(), actor.sourceIp(), "review_decided", reviewId,
        "before: open; after: " + task.decision() + (approve ? "" : " (" + declinedReason + ")")
            + " on " + task.validationId()));
    return task;
  }

  /** Truora's "modify status" of a finished process, for admins and operators. */
  public IdentityProcess override(ConsoleActor actor, String processId, String status, String reason, String note) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    String before = processes.get(actor.tenantCaller(), processId).process().status().wireValue();
    IdentityProcess p = overrides.override(actor.tenantCaller(), processId, status, reason, note, actor.username());
    audit.append(new AuditRecord(actor.username(), p.clientId(), actor.sourceIp(), "process_overridden", processId,
        "before: " + before + "; after: " + status + " (" + reason + ")"));
    return p;
  }

  /** Catalogued declined reasons a reviewer may choose for a validation type. */
  public static List<String> declineReasons(String validationType) {
    return ReasonCatalogue.standard().all().stream()
        .filter(r -> r.kind() == ReasonKind.DECLINED)
        .filter(r -> r.validator() == null || "any".equals(r.validator()) || Objects.equals(r.validator(), validationType))
        .map(Reason::code)
        .distinct()
        .sorted()
        .toList();
  }

  /** Override reasons by target status ({@code success}, {@code failure}). */
  public static List<String> overrideReasons(String status) {
    return ProcessEngine.OVERRIDE_REASONS.entrySet().stream()
        .filter(e -> e.getKey().wireValue().equals(status))
        .flatMap(e -> e.getValue().stream())
        .sorted()
        .toList();
  }
}
