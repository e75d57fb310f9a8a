package io.idforge.identity.web.outbound;

import io.idforge.identity.api.spi.DeliveryException;
import io.idforge.identity.core.application.port.CodeSender;
import io.idforge.identity.core.domain.flow.Branding;
import io.idforge.identity.core.otp.OtpChannel;
import io.idforge.identity.core.otp.OtpMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers one-time codes through whichever SMS sender and SMTP transport are configured. A
 * channel without a provider says so ({@link #canSend}); nothing is pretended.
 */
@ApplicationScoped
public class OtpCodeSender implements CodeSender {

  @Inject SmsSenders sms;

  @Inject EmailSenders email;

  @Inject
  @ConfigProperty(name = "identity.service-name", defaultValue = "IdForge")
  String serviceName;

  @Override
  public boolean canSend(OtpChannel channel) {
    return channel == OtpChannel.PHONE ? sms.isConfigured() : email.isConfigured();
  }

  @Override
  public void send(OtpChannel channel, String destination, String code, String lang) throws DeliveryException {
    send(channel, destination, code, lang, Branding.NONE);
  }

  /** The e-mail carries the flow's branding; the SMS stays one plain segment with the service name. */
  @Override
  public void send(OtpChannel channel, String destination, String code, String lang, Branding branding)
      throws DeliveryException {
    OtpMessages messages = new OtpMessages(serviceName);
    if (channel == OtpChannel.PHONE) {
      sms.sender().orElseThrow(() -> new DeliveryException("no SMS sender is configured", false))
          .send(destination, messages.sms(lang, code));
    } else {
      email.sender().orElseThrow(() -> new DeliveryException("no SMTP transport is configured", false))
          .send(messages.email(lang, destination, code, branding));
    }
  }
}
