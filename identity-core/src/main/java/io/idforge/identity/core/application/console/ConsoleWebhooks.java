package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.webhooks.DeliveryLogService;
import io.idforge.identity.core.application.webhooks.WebhookEndpointService;
import io.idforge.identity.core.domain.audit.AuditRecord;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.webhook.EndpointSettings;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import io.idforge.identity.core.domain.webhook.WebhookEndpoint;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A tenant's webhooks in the console: endpoints (admins and operators change them, auditors read
 * them), the delivery log with replays, and the deliveries of one process for its detail page.
 * Every call goes through the same services as {@code /v1/hooks}, so the console cannot set what
 * the API would refuse; every change is audited without the secret, the URL's query or headers'
 * values (they may carry the receiver's credentials).
 */
@Stateless
public class ConsoleWebhooks {

  /** Endpoints and deliveries listed at once. */
  static final int LIMIT = 100;

  @Inject WebhookEndpointService endpoints;

  @Inject DeliveryLogService log;

  @Inject WebhookDeliveryRepository deliveries;

  @Inject AuditTrail audit;

  public List<WebhookEndpoint> endpoints(ConsoleActor actor) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN, ConsoleRole.AUDITOR);
    return endpoints.list(actor.tenantCaller(), null, LIMIT).items();
  }

  /** Creates an endpoint; the answer's secret is shown once and then only stored sealed. */
  public WebhookEndpointService.WithSecret create(ConsoleActor actor, EndpointSettings settings) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN);
    WebhookEndpointService.WithSecret created = endpoints.create(actor.tenantCaller(), settings);
    record(actor, "webhook_created", created.endpoint(), "before: none; after: " + summary(created.endpoint()));
    return created;
  }

  /** Switches an endpoint on or off, keeping the rest of its settings. */
  public WebhookEndpoint enable(ConsoleActor actor, String endpointId, boolean enabled) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN);
    WebhookEndpoint endpoint = endpoints.get(actor.tenantCaller(), endpointId);
    String before = summary(endpoint);
    EndpointSettings s = endpoint.settings();
    endpoints.update(actor.tenantCaller(), endpointId,
        new EndpointSettings(s.url(), s.httpMethod(), s.filter(), s.headers(), enabled));
    record(actor, enabled ? "webhook_enabled" : "webhook_disabled", endpoint, "before: " + before + "; after: " + summary(endpoint));
    return endpoint;
  }

  /** A new signing secret, shown once; the old one keeps signing as a second signature for the overlap. */
  public WebhookEndpointService.WithSecret rotate(ConsoleActor actor, String endpointId) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN);
    WebhookEndpointService.WithSecret rotated = endpoints.rotateSecret(actor.tenantCaller(), endpointId);
    record(actor, "webhook_secret_rotated", rotated.endpoint(), "before: secret 1; after: secret 2, secret 1 until "
        + rotated.endpoint().previousSecretUntil());
    return rotated;
  }

  public void delete(ConsoleActor actor, String endpointId) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN);
    WebhookEndpoint endpoint = endpoints.get(actor.tenantCaller(), endpointId);
    String before = summary(endpoint);
    endpoints.delete(actor.tenantCaller(), endpointId);
    record(actor, "webhook_deleted", endpoint, "before: " + before + "; after: deleted");
  }

  /** The tenant's newest deliveries. */
  public List<WebhookDelivery> deliveries(ConsoleActor actor) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN, ConsoleRole.AUDITOR);
    return log.list(actor.tenantCaller(), null, LIMIT).items();
  }

  /** Delivers an event again to the same endpoint (a new delivery; the original keeps its history). */
  public WebhookDelivery replay(ConsoleActor actor, String idempotencyKey) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN);
    WebhookDelivery copy = log.replay(actor.tenantCaller(), idempotencyKey);
    audit.append(new AuditRecord(actor.username(), actor.clientId(), actor.sourceIp(), "webhook_replayed",
        idempotencyKey, "before: " + idempotencyKey + "; after: new delivery " + copy.idempotencyKey()));
    return copy;
  }

  /**
   * Deliveries of the events of one process's timeline (as {@link ConsoleProcesses#detail} read
   * it), oldest first, for its detail page; any console role. Only the actor's tenant's rows.
   */
  public List<WebhookDelivery> ofTimeline(ConsoleActor actor, List<ProcessEvent> timeline) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN, ConsoleRole.REVIEWER, ConsoleRole.AUDITOR);
    List<String> eventIds = timeline.stream().map(ProcessEvent::eventId).toList();
    return eventIds.isEmpty() ? List.of() : deliveries.listByEvents(actor.tenantCaller().clientId(), eventIds, LIMIT);
  }

  private void record(ConsoleActor actor, String action, WebhookEndpoint endpoint, String summary) {
    audit.append(new AuditRecord(actor.username(), actor.clientId(), actor.sourceIp(), action, endpoint.endpointId(), summary));
  }

  /** What an audit entry may say of an endpoint: its origin and path, method, filter and switch. */
  static String summary(WebhookEndpoint e) {
    String url = e.url();
    int query = url.indexOf('?');
    return (query < 0 ? url : url.substring(0, query)) + " " + e.httpMethod()
        + " types=" + String.join(",", e.filter().eventTypes())
        + " actions=" + String.join(",", e.filter().eventActions())
        + " headers=" + String.join(",", e.headers().keySet().stream().sorted().toList())
        + (e.enabled() ? " enabled" : " disabled");
  }
}
