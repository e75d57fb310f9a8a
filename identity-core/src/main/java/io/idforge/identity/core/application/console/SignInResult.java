package io.idforge.identity.core.application.console;

import io.idforge.identity.core.domain.console.ConsoleRole;
import java.util.Set;

/**
 * The answer to a sign-in. The page shows the same message for every failure, so nobody learns
 * whether a name exists or is locked.
 */
public record SignInResult(Outcome outcome, String username, String clientId, Set<ConsoleRole> roles) {

  public enum Outcome {
    SIGNED_IN,
    REFUSED,
    LOCKED
  }

  public static SignInResult refused(Outcome outcome) {
    return new SignInResult(outcome, null, null, Set.of());
  }

  public boolean ok() {
    return outcome == Outcome.SIGNED_IN;
  }
}
