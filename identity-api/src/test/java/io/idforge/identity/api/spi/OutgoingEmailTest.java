package io.idforge.identity.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutgoingEmailTest {

  @Test
  void toStringLeavesOutRecipientAndBodies() {
    OutgoingEmail mail =
        new OutgoingEmail("ana@example.com", "IdForge: your code", "Code 583920", "<p>583920</p>");
    assertEquals("OutgoingEmail[subject=IdForge: your code, html=true]", mail.toString());
    assertFalse(mail.toString().contains("ana@example.com"));
    assertFalse(mail.toString().contains("583920"));
  }

  @Test
  void htmlIsOptional() {
    OutgoingEmail mail = new OutgoingEmail("ana@example.com", "Subject", "text");
    assertNull(mail.htmlBody());
    assertFalse(mail.hasHtml());
  }

  @Test
  void theSubjectIsOneLineSoNoHeaderCanBeInjected() {
    assertThrows(IllegalArgumentException.class,
        () -> new OutgoingEmail("a@b.co", "Hi\r\nBcc: x@y.z", "text"));
    assertThrows(IllegalArgumentException.class, () -> new OutgoingEmail(" ", "Subject", "text"));
    assertThrows(NullPointerException.class, () -> new OutgoingEmail("a@b.co", "Subject", null));
  }

  @Test
  void deliveryExceptionsSayWhetherRetryingHelps() {
    assertTrue(new DeliveryException("HTTP 503", true).isRetryable());
    DeliveryException permanent = new DeliveryException("HTTP 400", false, new IllegalStateException());
    assertFalse(permanent.isRetryable());
    assertTrue(permanent.getCause() instanceof IllegalStateException);
  }
}
