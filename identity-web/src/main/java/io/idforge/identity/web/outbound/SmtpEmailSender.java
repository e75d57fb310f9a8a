package io.idforge.identity.web.outbound;

import io.idforge.identity.api.spi.DeliveryException;
import io.idforge.identity.api.spi.EmailSender;
import io.idforge.identity.api.spi.OutgoingEmail;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link EmailSender} over SMTP with Jakarta Mail (API and implementation provided by Payara).
 * Configured by {@code identity.mail.smtp.host}, {@code .port}, {@code .username}, {@code
 * .password}, {@code .tls} ({@code none | starttls | smtps}, default {@code starttls}), {@code
 * identity.mail.from} and {@code identity.mail.timeout} (ISO-8601, default {@code PT10S}); without a
 * host the sender is disabled and {@link EmailSenders} offers none.
 *
 * <p>Each message is {@code multipart/alternative} (plain text, then HTML) in UTF-8, or plain text
 * alone. One SMTP connection per message: codes are rare and a pooled connection would go stale.
 * Failures become {@link DeliveryException}s: connection errors and timeouts are retryable; a
 * refused login, a rejected recipient or a malformed address are not. Exception messages and logs
 * name the server, never the recipient. No Fault Tolerance annotations: {@code Transport} cannot be
 * interrupted, so the socket timeouts bound each send instead.
 *
 * <p>Injected only through {@link EmailSenders} ({@code @Typed}): callers see the disabled state.
 */
@ApplicationScoped
@Typed(SmtpEmailSender.class)
public class SmtpEmailSender implements EmailSender {

  private static final Logger LOG = Logger.getLogger(SmtpEmailSender.class.getName());
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  @Inject
  @ConfigProperty(name = "identity.mail.smtp.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "identity.mail.smtp.port")
  Optional<Integer> port;

  @Inject
  @ConfigProperty(name = "identity.mail.smtp.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "identity.mail.smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "identity.mail.smtp.tls", defaultValue = "starttls")
  String tls;

  @Inject
  @ConfigProperty(name = "identity.mail.from")
  Optional<String> from;

  @Inject
  @ConfigProperty(name = "identity.mail.timeout", defaultValue = "PT10S")
  Duration timeout;

  private SmtpSettings settings;
  private Session session;

  /** For CDI. */
  public SmtpEmailSender() {}

  /** For tests: a sender with fixed settings, no container. */
  SmtpEmailSender(SmtpSettings settings) {
    configure(settings);
  }

  @PostConstruct
  void init() {
    Optional<String> h = host.filter(v -> !v.isBlank());
    if (h.isPresent()) {
      configure(SmtpSettings.of(h.get(), port, username, password, tls, from, timeout));
    }
  }

  private void configure(SmtpSettings s) {
    this.settings = s;
    this.session = Session.getInstance(s.sessionProperties());
  }

  /** False when {@code identity.mail.smtp.host} is not set: e-mail is disabled. */
  public boolean isConfigured() {
    return settings != null;
  }

  /** One line for the start-up log, without credentials. */
  public String describe() {
    return settings == null ? "disabled" : settings.describe();
  }

  @Override
  public void send(OutgoingEmail email) throws DeliveryException {
    if (settings == null) {
      throw new DeliveryException("e-mail is disabled: identity.mail.smtp.host is not set", false);
    }
    MimeMessage message = compose(email);
    Transport transport = null;
    try {
      transport = session.getTransport(settings.protocol());
      transport.connect(
          settings.host(), settings.port(), settings.username().orElse(null),
          settings.password().orElse(null));
      transport.sendMessage(message, message.getAllRecipients());
      LOG.fine(() -> "e-mail accepted by " + where());
    } catch (AuthenticationFailedException e) {
      throw failed("SMTP login refused by " + where(), false, e);
    } catch (SendFailedException e) {
      // Carries the rejected addresses: the cause is left off so no address reaches a log.
      Address[] invalid = e.getInvalidAddresses();
      boolean rejected = invalid != null && invalid.length > 0;
      int reply = smtpReplyCode(e);
      boolean retryable = reply > 0 ? reply < 500 : !rejected;
      throw failed(
          (rejected ? "recipient refused by " : "message not accepted by ") + where()
              + (reply > 0 ? " (SMTP " + reply + ")" : ""),
          retryable,
          null);
    } catch (MessagingException e) {
      throw failed("SMTP delivery through " + where() + " failed: " + summary(e), true, e);
    } finally {
      close(transport);
    }
  }

  private MimeMessage compose(OutgoingEmail email) throws DeliveryException {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(settings.from());
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
      m.setSubject(email.subject(), UTF_8);
      // Jakarta Mail's API takes java.util.Date; nothing else here does.
      m.setSentDate(Date.from(Instant.now()));
      if (email.hasHtml()) {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.textBody(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.htmlBody(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        m.setContent(alternative);
      } else {
        m.setText(email.textBody(), UTF_8, "plain");
      }
      // Transport.sendMessage, unlike Transport.send, does not do this itself.
      m.saveChanges();
      return m;
    } catch (AddressException e) {
      // The message would contain the address: keep neither.
      throw new DeliveryException("the recipient is not a valid e-mail address", false);
    } catch (MessagingException e) {
      throw new DeliveryException("the e-mail could not be composed: " + summary(e), false, e);
    }
  }

  private DeliveryException failed(String message, boolean retryable, Exception cause) {
    LOG.log(Level.WARNING, message);
    return new DeliveryException(message, retryable, cause);
  }

  private String where() {
    return settings.host() + ":" + settings.port();
  }

  /** The exception type and its innermost cause's type: enough to diagnose, no server text. */
  private static String summary(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
  }

  /**
   * The SMTP reply code (4xx transient, 5xx permanent) of a send failure or of the first nested
   * one, or -1. Read reflectively: {@code getReturnCode()} is on the implementation's exception
   * classes ({@code SMTPSendFailedException}, {@code SMTPAddressFailedException}), not the API.
   */
  static int smtpReplyCode(MessagingException e) {
    Exception x = e;
    for (int depth = 0; x != null && depth < 5; depth++) {
      try {
        Object code = x.getClass().getMethod("getReturnCode").invoke(x);
        if (code instanceof Integer i && i >= 200 && i < 600) {
          return i;
        }
      } catch (ReflectiveOperationException | RuntimeException ignored) {
        // not an SMTP exception with a reply code; look at the next one
      }
      x = x instanceof MessagingException m ? m.getNextException() : null;
    }
    return -1;
  }

  private static void close(Transport transport) {
    if (transport != null && transport.isConnected()) {
      try {
        transport.close();
      } catch (MessagingException e) {
        LOG.log(Level.FINE, "closing the SMTP connection failed", e);
      }
    }
  }
}
