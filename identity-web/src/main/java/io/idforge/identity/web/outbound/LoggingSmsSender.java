package io.idforge.identity.web.outbound;

import io.idforge.identity.api.spi.DeliveryException;
import io.idforge.identity.api.spi.SmsSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Development-only {@link SmsSender}: writes the message, one-time code included, to the server log
 * instead of sending it, so the hosted flow can be tried without an SMS account. Active only when
 * {@code identity.sms.sender=log} is set explicitly; it checks that itself as well, so reaching it
 * any other way sends nothing and logs no code. The number is logged masked.
 */
@ApplicationScoped
@Typed(LoggingSmsSender.class)
public class LoggingSmsSender implements SmsSender {

  private static final Logger LOG = Logger.getLogger(LoggingSmsSender.class.getName());

  @Inject
  @ConfigProperty(name = SmsSenders.SENDER_KEY)
  Optional<String> sender;

  private boolean enabled;

  /** For CDI. */
  public LoggingSmsSender() {}

  /** For tests. */
  LoggingSmsSender(boolean enabled) {
    this.enabled = enabled;
  }

  @PostConstruct
  void init() {
    enabled = SmsSenders.Mode.parse(sender) == SmsSenders.Mode.LOG;
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void send(String e164Phone, String text) throws DeliveryException {
    if (!enabled) {
      throw new DeliveryException(
          "the log SMS sender is for development and needs " + SmsSenders.SENDER_KEY + "=log", false);
    }
    if (e164Phone == null || !HttpSmsSender.E164.matcher(e164Phone).matches()) {
      throw new DeliveryException("not an E.164 phone number", false);
    }
    LOG.info("[development SMS, not sent] to " + PhoneMask.mask(e164Phone) + ": " + text);
  }
}
