package io.idforge.identity.api.spi;

import java.util.Objects;

/**
 * One e-mail to one recipient, ready to send: a plain-text body and, optionally, an HTML
 * alternative of the same content. The sender chooses the {@code From} address.
 *
 * <p>{@link #toString()} leaves out the recipient and the bodies (which may hold a one-time
 * code), so an instance can be logged by mistake without leaking either.
 *
 * @param to recipient address (RFC 5322 addr-spec), required
 * @param subject subject line, required, single line
 * @param textBody plain-text body, required
 * @param htmlBody HTML alternative, or null to send plain text only
 */
public record OutgoingEmail(String to, String subject, String textBody, String htmlBody) {

  public OutgoingEmail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(textBody, "textBody");
    if (to.isBlank()) {
      throw new IllegalArgumentException("an e-mail needs a recipient");
    }
    if (subject.isBlank() || subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("an e-mail subject is one non-blank line");
    }
  }

  /** Plain text only. */
  public OutgoingEmail(String to, String subject, String textBody) {
    this(to, subject, textBody, null);
  }

  public boolean hasHtml() {
    return htmlBody != null && !htmlBody.isBlank();
  }

  @Override
  public String toString() {
    return "OutgoingEmail[subject=" + subject + ", html=" + hasHtml() + "]";
  }
}
