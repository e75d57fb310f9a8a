/**
 * Webhooks: a tenant's {@link io.idforge.identity.core.domain.webhook.WebhookEndpoint}s (aggregate
 * root: URL, event filter, method, headers, sealed signing secrets) and the
 * {@link io.idforge.identity.core.domain.webhook.WebhookDelivery} rows, one per event and matching
 * endpoint, that the delivery job drains. Domain layer: no web or wire types.
 */
package io.idforge.identity.core.domain.webhook;
