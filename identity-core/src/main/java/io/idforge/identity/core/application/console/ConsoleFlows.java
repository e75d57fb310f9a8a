package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.FlowService;
import io.idforge.identity.core.application.FlowService.FlowView;
import io.idforge.identity.core.domain.audit.AuditRecord;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowRepository;
import io.idforge.identity.core.domain.flow.FlowVersion;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's flows in the console: admins and operators create, edit (a new version) and disable
 * them, auditors read them and their older versions. Changes go through {@link FlowService}, the
 * same service as {@code /v1/flows} (the console validates the form with the API's own rules before
 * calling), and each is audited in the same transaction.
 */
@Stateless
public class ConsoleFlows {

  /** Flows listed at once. */
  static final int LIMIT = 200;

  @Inject FlowService flows;

  @Inject FlowRepository repository;

  @Inject AuditTrail audit;

  /** The tenant's flows, newest first (reviewers too: the dashboard's funnel chooser names them). */
  public List<FlowView> list(ConsoleActor actor) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR, ConsoleRole.AUDITOR, ConsoleRole.REVIEWER);
    return flows.list(actor.tenantCaller(), null, LIMIT).items();
  }

  /** The flow at its current version; another tenant's id is not found. */
  public FlowView get(ConsoleActor actor, String flowId) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR, ConsoleRole.AUDITOR);
    return flows.get(actor.tenantCaller(), flowId);
  }

  /** Every version of the tenant's flow, newest first. */
  public List<FlowVersion> versions(ConsoleActor actor, String flowId) {
    FlowView current = get(actor, flowId);
    List<FlowVersion> versions = new ArrayList<>();
    for (int v = current.flow().flowVersion(); v >= 1; v--) {
      repository.findVersion(current.flow().flowId(), v).ifPresent(versions::add);
    }
    return versions;
  }

  /** One version of the tenant's flow. */
  public FlowVersion version(ConsoleActor actor, String flowId, int version) {
    FlowView current = get(actor, flowId);
    return repository.findVersion(current.flow().flowId(), version)
        .orElseThrow(() -> new NotFoundException("Flow version not found"));
  }

  public FlowView create(ConsoleActor actor, FlowDefinition definition) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    FlowView created = flows.create(actor.tenantCaller(), definition);
    audit.append(new AuditRecord(actor.username(), created.flow().clientId(), actor.sourceIp(), "flow_created",
        created.flow().flowId(), "before: none; after: version 1, " + summary(definition)));
    return created;
  }

  /**
   * Saves {@code definition} as the flow's next version.
   *
   * @param expectedVersion the version the form was loaded with: if someone saved in between, the
   *     save is refused (409) instead of silently replacing their version
   */
  public FlowView update(ConsoleActor actor, String flowId, int expectedVersion, FlowDefinition definition) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    FlowView before = flows.get(actor.tenantCaller(), flowId);
    if (before.flow().flowVersion() != expectedVersion) {
      throw new ConflictException("Conflict: the flow was changed meanwhile (now version "
          + before.flow().flowVersion() + ")");
    }
    String was = "version " + expectedVersion + ", " + summary(before.version().definition());
    FlowView after = flows.update(actor.tenantCaller(), flowId, definition);
    audit.append(new AuditRecord(actor.username(), after.flow().clientId(), actor.sourceIp(), "flow_updated", flowId,
        "before: " + was + "; after: version " + after.flow().flowVersion() + ", " + summary(definition)));
    return after;
  }

  /** Disables the flow (a new version, steps unchanged): its links stop starting processes. */
  public FlowView disable(ConsoleActor actor, String flowId) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    FlowView before = flows.get(actor.tenantCaller(), flowId);
    FlowDefinition d = before.version().definition();
    if (!d.enabled()) {
      throw new ConflictException("Conflict: the flow is already disabled");
    }
    FlowDefinition disabled = new FlowDefinition(d.name(), false, d.timeToLiveMinutes(), d.steps(),
        d.privacyNoticeUrl(), d.displayName(), d.logoUrl(), d.primaryColor(), d.supportContact(), d.allowedFrameAncestors());
    FlowView after = flows.update(actor.tenantCaller(), flowId, disabled);
    audit.append(new AuditRecord(actor.username(), after.flow().clientId(), actor.sourceIp(), "flow_disabled", flowId,
        "before: version " + before.flow().flowVersion() + " enabled; after: version " + after.flow().flowVersion()
            + " disabled"));
    return after;
  }

  /** What the trail keeps of a definition: its shape, no branding texts or URLs. */
  static String summary(FlowDefinition d) {
    return (d.enabled() ? "enabled" : "disabled") + ", ttl " + d.timeToLiveMinutes() + " min, steps "
        + String.join(">", d.steps().stream().map(s -> s.type().wireValue()).toList());
  }
}
