package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.Flow;
import io.idforge.identity.core.domain.flow.FlowChanged;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowRepository;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.FlowVersion;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.domain.shared.PageKeys;
import io.idforge.identity.core.domain.shared.PublicIds;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's flows. Every change stores a new immutable version and bumps {@code flow_version};
 * running processes keep the version they started with.
 */
@Stateless
public class FlowService {

  @Inject FlowRepository flows;

  @Inject Clock clock;

  /** Tells the flow caches (web token issuance's {@link FlowIssuanceCache}) to drop the flow. */
  @Inject Event<FlowChanged> changes;

  /** A flow with the definition of its current version. */
  public record FlowView(Flow flow, FlowVersion version) {}

  public FlowView create(Caller caller, FlowDefinition definition) {
    caller.requireBackend();
    return create(caller.clientId(), definition);
  }

  /** Creates a flow for a tenant without a caller (start-up bootstrap). */
  public FlowView create(String clientId, FlowDefinition definition) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    FlowDefinition withIds = withStepIds(definition);
    Flow flow = new Flow(clientId, withIds, now);
    flows.store(flow);
    FlowVersion version = new FlowVersion(flow.flowId(), flow.flowVersion(), withIds, now);
    flows.store(version);
    return new FlowView(flow, version);
  }

  public FlowView update(Caller caller, String flowId, FlowDefinition definition) {
    caller.requireBackend();
    Flow flow = find(caller.clientId(), flowId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    FlowDefinition withIds = withStepIds(definition);
    int newVersion = flow.apply(withIds, now);
    FlowVersion version = new FlowVersion(flowId, newVersion, withIds, now);
    flows.store(version);
    changes.fire(new FlowChanged(flow.clientId(), flowId));
    return new FlowView(flow, version);
  }

  public FlowView get(Caller caller, String flowId) {
    caller.requireBackend();
    Flow flow = find(caller.clientId(), flowId);
    return new FlowView(flow, currentVersion(flow));
  }

  public Page<FlowView> list(Caller caller, String startKey, int limit) {
    caller.requireBackend();
    List<Flow> rows = flows.list(caller.clientId(), PageKeys.decode(startKey), limit + 1);
    Page<Flow> page = PageKeys.page(rows, limit, Flow::id);
    List<FlowView> views = new ArrayList<>();
    for (Flow f : page.items()) {
      views.add(new FlowView(f, currentVersion(f)));
    }
    return new Page<>(views, page.nextKey());
  }

  FlowVersion currentVersion(Flow flow) {
    return flows
        .findVersion(flow.flowId(), flow.flowVersion())
        .orElseThrow(() -> new IllegalStateException("flow " + flow.flowId() + " lost its current version"));
  }

  private Flow find(String clientId, String flowId) {
    return flows.find(clientId, flowId).orElseThrow(() -> new NotFoundException("Flow not found"));
  }

  /** Gives new steps a public step id ({@code IPS…}); steps sent with an id keep it. */
  private static FlowDefinition withStepIds(FlowDefinition d) {
    List<FlowStep> steps = new ArrayList<>();
    for (FlowStep s : d.steps()) {
      steps.add(s.stepId() != null ? s : new FlowStep(PublicIds.next(PublicIds.STEP), s.type(), s.config()));
    }
    return new FlowDefinition(
        d.name(), d.enabled(), d.timeToLiveMinutes(), steps, d.privacyNoticeUrl(), d.displayName(),
        d.logoUrl(), d.primaryColor(), d.supportContact(), d.allowedFrameAncestors());
  }
}
