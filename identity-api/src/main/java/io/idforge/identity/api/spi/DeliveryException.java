package io.idforge.identity.api.spi;

/**
 * A message could not be handed to its provider. Checked, so every caller decides what a failed
 * delivery means for its flow (typically: tell the user to try again, keep the process pending).
 *
 * <p>{@link #isRetryable()} separates transient failures (timeouts, connection errors, HTTP 429
 * and 5xx, SMTP 4xx) that may succeed on a later attempt from permanent ones (a rejected number
 * or address, bad credentials, a misconfiguration) that will fail the same way every time.
 *
 * <p>The message names the provider and its error code only: never a phone number, an e-mail
 * address or the text that was to be sent, because it ends up in logs.
 */
public class DeliveryException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public DeliveryException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public DeliveryException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** True when the same send may succeed later; false when retrying cannot help. */
  public boolean isRetryable() {
    return retryable;
  }
}
