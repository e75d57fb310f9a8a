package io.idforge.identity.core.domain.console;

import java.util.List;
import java.util.Optional;

/** Port for console users. */
public interface ConsoleUserRepository {

  void store(ConsoleUser user);

  Optional<ConsoleUser> findByUsername(String username);

  /** Locks the row: sign-in counts failures without losing concurrent ones. */
  Optional<ConsoleUser> findByUsernameForUpdate(String username);

  Optional<ConsoleUser> findBySetupDigest(String digest);

  /** A tenant's users by name; {@code null} lists the operators. */
  List<ConsoleUser> listByClient(String clientId);

  long count();
}
