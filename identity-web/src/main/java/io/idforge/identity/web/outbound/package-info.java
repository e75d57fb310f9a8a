/**
 * Outbound adapters: the provider SPI of {@code io.idforge.identity.api.spi} implemented against
 * real transports; this package holds messaging, other providers have subpackages of their own.
 * E-mail goes over SMTP with Jakarta Mail ({@link
 * io.idforge.identity.web.outbound.SmtpEmailSender}); SMS goes to Twilio's Programmable Messaging
 * API or a compatible gateway ({@link io.idforge.identity.web.outbound.HttpSmsSender}), or, in
 * development only, to the server log ({@link io.idforge.identity.web.outbound.LoggingSmsSender}).
 *
 * <p>Callers never inject an adapter: they ask the selectors {@link
 * io.idforge.identity.web.outbound.EmailSenders} and {@link
 * io.idforge.identity.web.outbound.SmsSenders}, which answer an empty {@code Optional} when the
 * channel is not configured (an explicit "disabled" state) and log the active transports at
 * start-up. Every key is documented in {@code docs/otp-and-messaging.md}.
 *
 * <p>Layer rule: adapters are {@code @ApplicationScoped}; MicroProfile Fault Tolerance belongs here
 * and nowhere else; no phone number, e-mail address or message text reaches a log or an exception
 * message (a phone number is logged masked, {@code +57******4567}, at most).
 */
package io.idforge.identity.web.outbound;
