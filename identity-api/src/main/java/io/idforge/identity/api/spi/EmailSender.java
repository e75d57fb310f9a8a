package io.idforge.identity.api.spi;

/**
 * Port for sending one e-mail (one-time codes, later notifications). Implementations are
 * synchronous: when {@link #send} returns, the provider has accepted the message; delivery to the
 * mailbox is not confirmed.
 *
 * <p>The adapter in {@code identity-web} ({@code SmtpEmailSender}) speaks SMTP; when no SMTP host
 * is configured e-mail is disabled and no {@code EmailSender} is offered to callers.
 */
public interface EmailSender {

  /**
   * Hands {@code email} to the mail provider.
   *
   * @throws DeliveryException when the provider refused the message or could not be reached;
   *     {@link DeliveryException#isRetryable()} tells whether trying again may help
   */
  void send(OutgoingEmail email) throws DeliveryException;
}
