package io.idforge.identity.web.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.idforge.identity.api.spi.DeliveryException;
import io.idforge.identity.api.spi.OutgoingEmail;
import io.idforge.identity.core.otp.OtpMessages;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real SMTP server (GreenMail) in the test JVM, on a free loopback port. */
class SmtpEmailSenderTest {

  static final String USER = "mailer";
  static final String PASSWORD = "s3cret";

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

  static SmtpSettings settings(int port, Optional<String> user, Optional<String> password, Duration timeout) {
    return SmtpSettings.of(
        "127.0.0.1", Optional.of(port), user, password, "none",
        Optional.of("IdForge <no-reply@idforge.test>"), timeout);
  }

  static SmtpEmailSender sender(Optional<String> user, Optional<String> password) {
    return new SmtpEmailSender(
        settings(GREEN_MAIL.getSmtp().getPort(), user, password, Duration.ofSeconds(5)));
  }

  @Test
  void aCodeMailArrivesWithRecipientSubjectAndCode() throws Exception {
    OutgoingEmail email = new OtpMessages("IdForge").email("es", "ana@example.com", "583920");

    sender(Optional.of(USER), Optional.of(PASSWORD)).send(email);

    assertTrue(GREEN_MAIL.waitForIncomingEmail(5_000, 1));
    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage m = received[0];
    assertEquals("ana@example.com", m.getRecipients(Message.RecipientType.TO)[0].toString());
    assertEquals("IdForge: tu código de verificación", m.getSubject());
    assertEquals("no-reply@idforge.test", ((InternetAddress) m.getFrom()[0]).getAddress());
    assertEquals("IdForge", ((InternetAddress) m.getFrom()[0]).getPersonal());

    assertTrue(m.isMimeType("multipart/alternative"), m.getContentType());
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertEquals("583920", sixDigits(text));
    assertTrue(html.contains(">583920<"), html);
    assertTrue(text.contains("Vence en 10 minutos"), "UTF-8 text survives: " + text);
  }

  @Test
  void plainTextOnlyWhenThereIsNoHtml() throws Exception {
    sender(Optional.empty(), Optional.empty())
        .send(new OutgoingEmail("bob@example.com", "IdForge: your verification code", "Code: 123456"));

    assertTrue(GREEN_MAIL.waitForIncomingEmail(5_000, 1));
    MimeMessage m = GREEN_MAIL.getReceivedMessages()[0];
    assertTrue(m.isMimeType("text/plain"), m.getContentType());
    assertEquals("123456", sixDigits((String) m.getContent()));
  }

  @Test
  void aRefusedLoginIsNotRetryable() {
    DeliveryException e =
        assertThrows(
            DeliveryException.class,
            () -> sender(Optional.of(USER), Optional.of("wrong")).send(mail()));
    assertFalse(e.isRetryable());
    assertTrue(e.getMessage().startsWith("SMTP login refused by 127.0.0.1:"), e.getMessage());
  }

  @Test
  void anUnreachableServerIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    SmtpEmailSender sender =
        new SmtpEmailSender(settings(closedPort, Optional.empty(), Optional.empty(), Duration.ofSeconds(2)));
    DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send(mail()));
    assertTrue(e.isRetryable());
    assertFalse(e.getMessage().contains("ana@example.com"));
  }

  @Test
  void aSilentServerTimesOutAndIsRetryable() throws IOException {
    // Listening but never greeting: the connection lands in the backlog and the read times out.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SmtpEmailSender sender =
          new SmtpEmailSender(
              settings(silent.getLocalPort(), Optional.empty(), Optional.empty(), Duration.ofMillis(300)));
      DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send(mail()));
      assertTrue(e.isRetryable(), e.getMessage());
    }
  }

  @Test
  void aMalformedRecipientIsNotRetryableAndNotQuoted() {
    DeliveryException e =
        assertThrows(
            DeliveryException.class,
            () -> sender(Optional.empty(), Optional.empty())
                .send(new OutgoingEmail("not an address@@x", "Subject", "body")));
    assertFalse(e.isRetryable());
    assertFalse(e.getMessage().contains("address@@x"));
  }

  @Test
  void smtpReplyCodesSeparateTransientFromPermanentRefusals() {
    MessagingException permanent =
        new SendFailedException("Invalid Addresses", address("550 5.1.1 unknown user", 550));
    MessagingException transientRefusal =
        new SendFailedException("Invalid Addresses", address("450 4.2.1 mailbox busy", 450));
    assertEquals(550, SmtpEmailSender.smtpReplyCode(permanent));
    assertEquals(450, SmtpEmailSender.smtpReplyCode(transientRefusal));
    assertEquals(-1, SmtpEmailSender.smtpReplyCode(new MessagingException("no code")));
  }

  @Test
  void aDisabledSenderSaysSo() {
    SmtpEmailSender disabled = new SmtpEmailSender();
    assertFalse(disabled.isConfigured());
    DeliveryException e = assertThrows(DeliveryException.class, () -> disabled.send(mail()));
    assertFalse(e.isRetryable());
    assertTrue(e.getMessage().contains("identity.mail.smtp.host"), e.getMessage());
  }

  static SMTPAddressFailedException address(String message, int code) {
    try {
      return new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT TO", code, message);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static OutgoingEmail mail() {
    return new OutgoingEmail("ana@example.com", "IdForge: your verification code", "Code: 123456");
  }

  static String sixDigits(String body) {
    Matcher m = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(body);
    assertTrue(m.find(), "no 6-digit code in: " + body);
    return m.group();
  }
}
