/**
 * Webhook use cases: endpoint management with secrets shown once, the fan-out of recorded events
 * into deliveries (inside the event's transaction), the delivery attempts the job drives, the
 * delivery log and replays, and the pure rules they share (payload and signatures, retry schedule,
 * URL safety). Application layer: talks to the receiver only through
 * {@link io.idforge.identity.core.application.port.WebhookSender}.
 */
package io.idforge.identity.core.application.webhooks;
