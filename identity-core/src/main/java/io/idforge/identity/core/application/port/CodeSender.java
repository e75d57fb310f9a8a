package io.idforge.identity.core.application.port;

import io.idforge.identity.api.spi.DeliveryException;
import io.idforge.identity.core.domain.flow.Branding;
import io.idforge.identity.core.otp.OtpChannel;

/**
 * Delivers a one-time code by SMS or e-mail, in the user's language. Implemented in identity-web
 * over the configured {@code SmsSender} / {@code EmailSender}; a channel without a configured
 * provider reports so instead of pretending to send.
 */
public interface CodeSender {

  /** True when a provider is configured for the channel. */
  boolean canSend(OtpChannel channel);

  /**
   * @param lang {@code es}, {@code pt} or {@code en}
   * @throws DeliveryException when the provider refused or could not be reached
   */
  void send(OtpChannel channel, String destination, String code, String lang) throws DeliveryException;

  /**
   * Sends with the flow's branding (the e-mail carries the tenant's name, colour and support
   * contact); a sender that does not brand sends the plain message.
   */
  default void send(OtpChannel channel, String destination, String code, String lang, Branding branding)
      throws DeliveryException {
    send(channel, destination, code, lang);
  }
}
