package io.idforge.identity.core.otp;

import io.idforge.identity.api.spi.OutgoingEmail;
import io.idforge.identity.core.domain.flow.Branding;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The texts that carry a one-time code: the SMS and the e-mail (subject, plain text, HTML) in
 * Spanish, Portuguese and English, chosen by language tag ({@code es}, {@code pt}, {@code en}, with
 * or without region; anything else falls back to Spanish).
 *
 * <p>A message holds the code, the service name and fixed wording only: no name, document,
 * process id, link or destination, so a message seen by the wrong person gives away nothing but a
 * code that dies in {@link OneTimeCodes#VALIDITY}. With a service name in the GSM 7-bit alphabet,
 * the SMS stays within that alphabet and one 160-character segment (accents that would switch it
 * to UCS-2 are left out), so it is one billed part on every gateway. Immutable and thread-safe.
 */
public final class OtpMessages {

  /** The supported languages. */
  public enum Language {
    ES,
    PT,
    EN;

    /**
     * The language of a BCP 47 tag ({@code es}, {@code pt-BR}, {@code en_US}); Spanish when the
     * tag is null, blank or of another language.
     */
    public static Language fromTag(String tag) {
      if (tag == null || tag.isBlank()) {
        return ES;
      }
      return switch (Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage()) {
        case "pt" -> PT;
        case "en" -> EN;
        default -> ES;
      };
    }
  }

  /** Letters, digits, space and {@code . & ' _ -}; at most 40 characters. */
  private static final Pattern SERVICE_NAME = Pattern.compile("[\\p{L}\\p{N} .&'_-]{1,40}");

  private static final Pattern CODE = Pattern.compile("\\d{" + OneTimeCodes.CODE_LENGTH + "}");

  private static final long MINUTES = OneTimeCodes.VALIDITY.toMinutes();

  private final String serviceName;

  /** @param serviceName how the service names itself to users, e.g. {@code IdForge} */
  public OtpMessages(String serviceName) {
    Objects.requireNonNull(serviceName, "serviceName");
    if (!SERVICE_NAME.matcher(serviceName).matches() || serviceName.isBlank()) {
      throw new IllegalArgumentException(
          "a service name is 1 to 40 letters, digits, spaces or . & ' _ -");
    }
    this.serviceName = serviceName;
  }

  public String serviceName() {
    return serviceName;
  }

  /** The SMS text for {@code code} in the language of {@code languageTag}. */
  public String sms(String languageTag, String code) {
    return fill(texts(Language.fromTag(languageTag)).sms(), checked(code), serviceName);
  }

  /** The e-mail for {@code code} to {@code to}, in the language of {@code languageTag}. */
  public OutgoingEmail email(String languageTag, String to, String code) {
    return email(languageTag, to, code, Branding.NONE);
  }

  /**
   * The e-mail, branded: the flow's display name instead of the service name (when it fits the
   * service-name alphabet), the code in its primary colour, and a line with its support contact.
   */
  public OutgoingEmail email(String languageTag, String to, String code, Branding branding) {
    Branding b = branding == null ? Branding.NONE : branding;
    String name = b.displayName() != null && SERVICE_NAME.matcher(b.displayName()).matches() ? b.displayName() : serviceName;
    String colour = b.primaryColor() != null && b.primaryColor().matches("#[0-9a-fA-F]{6}") ? b.primaryColor() : null;
    Language language = Language.fromTag(languageTag);
    Texts t = texts(language);
    String c = checked(code);
    String subject = fill(t.subject(), c, name);
    String intro = fill(t.intro(), c, name);
    String advice = fill(t.advice(), c, name);
    String support = b.supportContact() == null ? null : supportLine(language) + " " + b.supportContact();
    String text = intro + "\n\n    " + c + "\n\n" + advice + "\n" + (support == null ? "" : "\n" + support + "\n");
    String html =
        "<!DOCTYPE html>\n<html lang=\"" + language.name().toLowerCase(Locale.ROOT) + "\">\n"
            + "<head><meta charset=\"UTF-8\"><title>" + escape(subject) + "</title></head>\n"
            + "<body style=\"margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;"
            + "color:#1f2937;\">\n"
            + "<p>" + escape(intro) + "</p>\n"
            + "<p style=\"margin:24px 0;font-family:'Courier New',monospace;font-size:28px;"
            + "font-weight:bold;letter-spacing:6px;" + (colour == null ? "" : "color:" + colour + ";") + "\">" + c + "</p>\n"
            + "<p style=\"color:#4b5563;\">" + escape(advice) + "</p>\n"
            + (support == null ? "" : "<p style=\"color:#4b5563;\">" + escape(support) + "</p>\n")
            + "</body>\n</html>\n";
    return new OutgoingEmail(to, subject, text, html);
  }

  private static String supportLine(Language language) {
    return switch (language) {
      case ES -> "¿Necesitas ayuda? Escribe a";
      case PT -> "Precisa de ajuda? Fale com";
      case EN -> "Need help? Contact";
    };
  }

  private record Texts(String sms, String subject, String intro, String advice) {}

  private static Texts texts(Language language) {
    return switch (language) {
      case ES ->
          new Texts(
              "{code} es tu codigo de verificacion de {service}. Vence en " + MINUTES
                  + " minutos. No lo compartas con nadie.",
              "{service}: tu código de verificación",
              "Tu código de verificación de {service} es:",
              "Vence en " + MINUTES + " minutos. No lo compartas con nadie. Si no lo solicitaste, "
                  + "ignora este mensaje.");
      case PT ->
          new Texts(
              "{code} é o seu codigo de verificacao de {service}. Expira em " + MINUTES
                  + " minutos. Nao o compartilhe com ninguem.",
              "{service}: seu código de verificação",
              "Seu código de verificação de {service} é:",
              "Ele expira em " + MINUTES + " minutos. Não o compartilhe com ninguém. Se você não o "
                  + "solicitou, ignore esta mensagem.");
      case EN ->
          new Texts(
              "{code} is your {service} verification code. It expires in " + MINUTES
                  + " minutes. Do not share it with anyone.",
              "{service}: your verification code",
              "Your {service} verification code is:",
              "It expires in " + MINUTES + " minutes. Do not share it with anyone. If you did not "
                  + "request it, ignore this message.");
    };
  }

  private static String checked(String code) {
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a one-time code is " + OneTimeCodes.CODE_LENGTH + " digits");
    }
    return code;
  }

  /** The service name cannot contain braces, so filling it first cannot forge a placeholder. */
  private static String fill(String template, String code, String service) {
    return template.replace("{service}", service).replace("{code}", code);
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
