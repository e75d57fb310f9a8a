package io.idforge.identity.web.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

  static SmtpSettings of(String tls, Optional<Integer> port, Optional<String> from) {
    return SmtpSettings.of(
        "smtp.example.com", port, Optional.of("mailer"), Optional.of("pw-123"), tls, from,
        Duration.ofSeconds(7));
  }

  @Test
  void thePortDefaultsFollowTheTlsMode() {
    Optional<String> from = Optional.of("no-reply@idforge.test");
    assertEquals(25, of("none", Optional.empty(), from).port());
    assertEquals(587, of("starttls", Optional.empty(), from).port());
    assertEquals(465, of("SMTPS", Optional.empty(), from).port());
    assertEquals(2525, of("starttls", Optional.of(2525), from).port());
  }

  @Test
  void starttlsIsRequiredAndTheServerIdentityChecked() {
    Properties p = of("starttls", Optional.empty(), Optional.of("no-reply@idforge.test")).sessionProperties();
    assertEquals("smtp", p.getProperty("mail.transport.protocol"));
    assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
    assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
    assertEquals("true", p.getProperty("mail.smtp.ssl.checkserveridentity"));
    assertEquals("true", p.getProperty("mail.smtp.auth"));
    assertEquals("7000", p.getProperty("mail.smtp.connectiontimeout"));
    assertEquals("7000", p.getProperty("mail.smtp.timeout"));
    assertEquals("7000", p.getProperty("mail.smtp.writetimeout"));
    assertEquals("no-reply@idforge.test", p.getProperty("mail.smtp.from"));
  }

  @Test
  void smtpsUsesTheSmtpsProtocol() {
    SmtpSettings s = of("smtps", Optional.empty(), Optional.of("no-reply@idforge.test"));
    Properties p = s.sessionProperties();
    assertEquals("smtps", s.protocol());
    assertEquals("smtp.example.com", p.getProperty("mail.smtps.host"));
    assertEquals("465", p.getProperty("mail.smtps.port"));
    assertEquals("true", p.getProperty("mail.smtps.ssl.checkserveridentity"));
    assertNull(p.getProperty("mail.smtp.starttls.enable"));
  }

  @Test
  void plainSmtpSetsNoTlsProperties() {
    Properties p = of("none", Optional.empty(), Optional.of("no-reply@idforge.test")).sessionProperties();
    assertNull(p.getProperty("mail.smtp.starttls.enable"));
    assertNull(p.getProperty("mail.smtp.ssl.checkserveridentity"));
  }

  @Test
  void badValuesNameTheirKey() {
    IllegalStateException tls =
        assertThrows(IllegalStateException.class, () -> of("ssl", Optional.empty(), Optional.of("a@b.co")));
    assertTrue(tls.getMessage().contains("identity.mail.smtp.tls"), tls.getMessage());
    IllegalStateException from =
        assertThrows(IllegalStateException.class, () -> of("none", Optional.empty(), Optional.empty()));
    assertTrue(from.getMessage().contains("identity.mail.from"), from.getMessage());
    assertThrows(IllegalStateException.class, () -> of("none", Optional.empty(), Optional.of("not an address")));
    assertThrows(IllegalStateException.class, () -> of("none", Optional.of(70000), Optional.of("a@b.co")));
  }

  @Test
  void thePasswordNeverShows() {
    SmtpSettings s = of("starttls", Optional.empty(), Optional.of("no-reply@idforge.test"));
    assertFalse(s.toString().contains("pw-123"), s.toString());
    assertFalse(s.describe().contains("pw-123"));
    assertTrue(s.describe().contains("smtp.example.com:587 (starttls, authenticated)"), s.describe());
  }
}
