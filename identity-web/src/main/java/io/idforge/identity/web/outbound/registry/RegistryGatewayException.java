package io.idforge.identity.web.outbound.registry;

/**
 * The registry gateway gave no usable answer. Thrown as such for a timeout (counted by the circuit
 * breaker, not retried); the subclasses {@link RegistryGatewayIoException} (transport failure,
 * retried once) and {@link RegistryGatewayAnswerException} (an answer without a verdict) refine it.
 * {@link HttpGovernmentRegistry} turns every one into {@link
 * io.idforge.identity.api.spi.GovernmentRegistry.Verdict#UNAVAILABLE}. The message names status
 * codes and exception types only, never personal data.
 */
public class RegistryGatewayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RegistryGatewayException(String message) {
    super(message);
  }

  public RegistryGatewayException(String message, Throwable cause) {
    super(message, cause);
  }
}
