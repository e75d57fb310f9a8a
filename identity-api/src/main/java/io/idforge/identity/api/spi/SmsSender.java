package io.idforge.identity.api.spi;

/**
 * Port for sending one text message (one-time codes). Synchronous: when {@link #send} returns,
 * the gateway has accepted the message for delivery; the handset receiving it is not confirmed.
 *
 * <p>Implementations never log the number in full nor the text, which holds the code.
 */
public interface SmsSender {

  /**
   * Hands {@code text} to the SMS gateway for {@code e164Phone}.
   *
   * @param e164Phone the destination in E.164 form: {@code +}, then 7 to 15 digits, the first
   *     not 0 ({@code +573001234567})
   * @param text the message, at most 1600 characters
   * @throws DeliveryException when the gateway refused the message or could not be reached; {@link
   *     DeliveryException#isRetryable()} tells whether trying again may help
   */
  void send(String e164Phone, String text) throws DeliveryException;

  /** Short stable name of the implementation for logs and diagnostics ({@code twilio}, {@code log}). */
  String name();
}
