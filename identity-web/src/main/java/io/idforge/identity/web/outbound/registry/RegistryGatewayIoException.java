package io.idforge.identity.web.outbound.registry;

import java.io.IOException;

/**
 * A transport failure other than a timeout: connection refused or reset, name not resolved, the
 * connection closed before a complete answer. The one failure {@link HttpGovernmentRegistry}
 * retries (once): the check is read-only, and a restarting bridge or a recycled keep-alive
 * connection is usually fine a moment later. Timeouts are not this: a registry that is slow now is
 * slow on a retry too, and the end user is waiting.
 */
public class RegistryGatewayIoException extends RegistryGatewayException {

  private static final long serialVersionUID = 1L;

  public RegistryGatewayIoException(String message, IOException cause) {
    super(message, cause);
  }
}
