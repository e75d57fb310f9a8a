/**
 * The outbound HTTP adapter of webhooks ({@link io.idforge.identity.web.outbound.webhook.HttpWebhookSender}):
 * timeouts, no redirects, bounded reads, MicroProfile Fault Tolerance. Implements the core port
 * {@code WebhookSender}; no domain logic here.
 */
package io.idforge.identity.web.outbound.webhook;
