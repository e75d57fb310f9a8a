package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import java.util.Arrays;
import java.util.Set;

/**
 * A signed-in console user making a call.
 *
 * @param username who
 * @param clientId the tenant the call is about: the user's own, or for an operator the tenant
 *     chosen in the console (null until chosen)
 * @param roles what the user may do
 * @param sourceIp the caller's address, for the audit trail
 */
public record ConsoleActor(String username, String clientId, Set<ConsoleRole> roles, String sourceIp) {

  public ConsoleActor {
    roles = Set.copyOf(roles);
  }

  public boolean has(ConsoleRole role) {
    return roles.contains(role);
  }

  /** Refuses the call unless the user has one of {@code allowed} (the pages check too; this is the second lock). */
  public ConsoleActor require(ConsoleRole... allowed) {
    if (Arrays.stream(allowed).noneMatch(roles::contains)) {
      throw new ForbiddenException("Forbidden");
    }
    return this;
  }

  /** The tenant as an API caller with the tenant's own rights; refused while no tenant is chosen. */
  public Caller tenantCaller() {
    if (clientId == null) {
      throw new ForbiddenException("Forbidden: choose a tenant first");
    }
    return Caller.backend(clientId, "console:" + username);
  }
}
