package io.idforge.identity.core.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.spi.OutgoingEmail;
import io.idforge.identity.core.otp.OtpMessages.Language;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OtpMessagesTest {

  /** GSM 03.38 basic character set (without the escape table). */
  static final String GSM7 =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  static final Pattern DIGIT_RUN = Pattern.compile("\\d+");

  final OtpMessages messages = new OtpMessages("IdForge");

  @Test
  void languageTagsSelectSpanishPortugueseOrEnglishWithSpanishAsDefault() {
    assertEquals(Language.ES, Language.fromTag(null));
    assertEquals(Language.ES, Language.fromTag(""));
    assertEquals(Language.ES, Language.fromTag("es-CO"));
    assertEquals(Language.PT, Language.fromTag("pt-BR"));
    assertEquals(Language.PT, Language.fromTag("PT"));
    assertEquals(Language.EN, Language.fromTag("en_US"));
    assertEquals(Language.ES, Language.fromTag("fr"));
  }

  @Test
  void smsTextsCarryTheCodeAndTheServiceNameInEachLanguage() {
    assertEquals(
        "123456 es tu codigo de verificacion de IdForge. Vence en 10 minutos. No lo compartas con nadie.",
        messages.sms(null, "123456"));
    assertEquals(
        "123456 é o seu codigo de verificacao de IdForge. Expira em 10 minutos. Nao o compartilhe com ninguem.",
        messages.sms("pt", "123456"));
    assertEquals(
        "123456 is your IdForge verification code. It expires in 10 minutes. Do not share it with anyone.",
        messages.sms("en", "123456"));
  }

  @Test
  void smsTextsFitOneGsm7Segment() {
    OtpMessages longest = new OtpMessages("A".repeat(40));
    for (String tag : new String[] {"es", "pt", "en"}) {
      String text = longest.sms(tag, "000000");
      assertTrue(text.length() <= 160, tag + ": " + text.length() + " characters");
      for (char ch : messages.sms(tag, "987654").toCharArray()) {
        assertTrue(GSM7.indexOf(ch) >= 0, tag + ": '" + ch + "' is not in the GSM 7-bit alphabet");
      }
    }
  }

  @Test
  void emailsCarryTheCodeInTextAndHtmlAndNotInTheSubject() {
    for (String tag : new String[] {"es", "pt", "en"}) {
      OutgoingEmail mail = messages.email(tag, "ana@example.com", "042042");
      assertEquals("ana@example.com", mail.to());
      assertTrue(mail.subject().startsWith("IdForge: "), mail.subject());
      assertFalse(mail.subject().contains("042042"), "the code stays out of notification previews");
      assertTrue(mail.textBody().contains("\n    042042\n"), mail.textBody());
      assertTrue(mail.htmlBody().contains(">042042</p>"), mail.htmlBody());
      assertTrue(mail.htmlBody().contains("<html lang=\"" + tag + "\">"), mail.htmlBody());
    }
    assertEquals("IdForge: tu código de verificación", messages.email("xx", "a@b.co", "000000").subject());
    assertEquals("IdForge: seu código de verificação", messages.email("pt-BR", "a@b.co", "000000").subject());
    assertEquals("IdForge: your verification code", messages.email("en", "a@b.co", "000000").subject());
  }

  @Test
  void messagesHoldNothingButTheCodeTheServiceNameAndFixedWords() {
    for (String tag : new String[] {"es", "pt", "en"}) {
      OutgoingEmail mail = messages.email(tag, "ana@example.com", "314159");
      for (String text : new String[] {messages.sms(tag, "314159"), mail.subject(), mail.textBody(), mail.htmlBody()}) {
        assertFalse(text.contains("ana@example.com"), "no destination in the content");
        assertFalse(text.contains("http"), "no link");
        Matcher m = DIGIT_RUN.matcher(text.replaceAll("(?s)<[^>]*>", ""));
        while (m.find()) {
          assertTrue(m.group().equals("314159") || m.group().equals("10"), "unexpected number " + m.group());
        }
      }
    }
  }

  @Test
  void theServiceNameIsEscapedInHtml() {
    OutgoingEmail mail = new OtpMessages("Pago & Co").email("en", "a@b.co", "111111");
    assertTrue(mail.htmlBody().contains("Your Pago &amp; Co verification code is:"), mail.htmlBody());
    assertEquals("Pago & Co: your verification code", mail.subject());
  }

  @Test
  void onlySixDigitCodesAndPlainServiceNamesAreAccepted() {
    assertThrows(IllegalArgumentException.class, () -> messages.sms("es", "12345"));
    assertThrows(IllegalArgumentException.class, () -> messages.sms("es", "1234567"));
    assertThrows(IllegalArgumentException.class, () -> messages.email("es", "a@b.co", "12a456"));
    assertThrows(IllegalArgumentException.class, () -> new OtpMessages("<b>x</b>"));
    assertThrows(IllegalArgumentException.class, () -> new OtpMessages("see https://evil.example"));
    assertThrows(IllegalArgumentException.class, () -> new OtpMessages(" "));
    assertThrows(IllegalArgumentException.class, () -> new OtpMessages("A".repeat(41)));
  }

  @Test
  void aBrandedEmailCarriesTheTenantsNameColourAndSupportContact() {
    OutgoingEmail e = messages.email("en", "ana@example.com", "123456",
        new io.idforge.identity.core.domain.flow.Branding("Tienda Acme", "#0b6e4f", "help@acme.example <24/7>"));
    assertTrue(e.subject().contains("Tienda Acme"), e.subject());
    assertFalse(e.subject().contains("IdForge"), e.subject());
    assertTrue(e.htmlBody().contains("color:#0b6e4f;\">123456</p>"), e.htmlBody());
    assertTrue(e.textBody().contains("Need help? Contact help@acme.example <24/7>"), e.textBody());
    assertTrue(e.htmlBody().contains("Need help? Contact help@acme.example &lt;24/7&gt;"), e.htmlBody());
    // A name outside the service-name alphabet falls back to the service's own; no colour, no line.
    OutgoingEmail plain = messages.email("es", "ana@example.com", "123456",
        new io.idforge.identity.core.domain.flow.Branding("<script>", null, null));
    assertTrue(plain.subject().contains("IdForge"), plain.subject());
    assertEquals(messages.email("es", "ana@example.com", "123456").htmlBody(), plain.htmlBody());
  }
}
