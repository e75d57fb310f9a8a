package io.idforge.identity.web.outbound;

import io.idforge.identity.api.spi.EmailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Which {@link EmailSender} is active: SMTP when {@code identity.mail.smtp.host} is set, none
 * otherwise. "None" is an explicit state, not an error: {@link #sender()} is empty and the hosted
 * flow can hide or refuse e-mail verification. At start-up the choice is logged, and a host
 * without a valid {@code identity.mail.from} (or another bad value) fails the deployment.
 */
@ApplicationScoped
public class EmailSenders {

  private static final Logger LOG = Logger.getLogger(EmailSenders.class.getName());

  @Inject SmtpEmailSender smtp;

  /** The active sender, or empty when e-mail is disabled. */
  public Optional<EmailSender> sender() {
    return smtp.isConfigured() ? Optional.of(smtp) : Optional.empty();
  }

  /** True when e-mail can be sent. */
  public boolean isConfigured() {
    return smtp.isConfigured();
  }

  /** Logs the mail transport once the application starts (and validates its configuration). */
  void report(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (smtp.isConfigured()) {
      LOG.info("mail transport: " + smtp.describe());
    } else {
      LOG.info("mail transport: none, e-mail is disabled (set identity.mail.smtp.host and"
          + " identity.mail.from to enable it)");
    }
  }
}
