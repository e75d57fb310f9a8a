package io.idforge.identity.web.outbound.registry;

/**
 * The gateway answered, but not with a verdict: an HTTP status other than 200, a body that is not
 * the protocol's JSON, or an oversized answer. Not retried. Not counted by the circuit breaker
 * either: the gateway is alive and answering quickly, and since one circuit covers every country
 * the bridge serves, a 503 for one country whose registry is down must not stop checks for the
 * others.
 */
public class RegistryGatewayAnswerException extends RegistryGatewayException {

  private static final long serialVersionUID = 1L;

  public RegistryGatewayAnswerException(String message) {
    super(message);
  }

  public RegistryGatewayAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
