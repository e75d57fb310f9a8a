package io.idforge.identity.web.outbound;

import io.idforge.identity.api.spi.DeliveryException;

/**
 * A transient delivery failure (timeout, connection error, HTTP 408/429/5xx). Its own type so that
 * MicroProfile Fault Tolerance can retry it and count it towards the circuit breaker ({@code
 * retryOn}/{@code failOn} select by type, not by {@link DeliveryException#isRetryable()}), while a
 * permanent {@link DeliveryException} fails at once and leaves the breaker alone.
 */
public final class RetryableDeliveryException extends DeliveryException {

  private static final long serialVersionUID = 1L;

  public RetryableDeliveryException(String message) {
    super(message, true);
  }

  public RetryableDeliveryException(String message, Throwable cause) {
    super(message, true, cause);
  }
}
