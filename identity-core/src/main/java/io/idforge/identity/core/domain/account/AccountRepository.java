package io.idforge.identity.core.domain.account;

import java.util.List;
import java.util.Optional;

/** Port for accounts; every method is scoped to one tenant. */
public interface AccountRepository {

  Optional<Account> find(String clientId, String accountId);

  List<Account> list(String clientId, long beforeId, int limit);

  void store(Account account);
}
