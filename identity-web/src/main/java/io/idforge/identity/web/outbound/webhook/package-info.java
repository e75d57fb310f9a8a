/**
 * The outbound HTTP adapter of webhooks ({@link io.idforge.identity.web.outbound.webhook.HttpWebhookSender}):
 * a small blocking HTTP/1.1 client that connects only to the addresses the URL rules checked,
 * pools keep-alive connections per route, bounds every exchange and reads answers up to a limit,
 * never following redirects. Implements the core port {@code WebhookSender}; no domain logic here.
 */
package io.idforge.identity.web.outbound.webhook;
