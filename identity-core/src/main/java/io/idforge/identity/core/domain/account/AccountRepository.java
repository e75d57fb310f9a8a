package io.idforge.identity.core.domain.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Port for accounts; every method is scoped to one tenant. */
public interface AccountRepository {

  Optional<Account> find(String clientId, String accountId);

  List<Account> list(String clientId, long beforeId, int limit);

  void store(Account account);

  /**
   * Makes sure the tenant has an account with this id, creating it empty when it has not, in one
   * SQL statement (web token issuance runs this per token: a select then an insert was two).
   * Joins the caller's transaction, so a later failure rolls the new row back. An account that
   * already exists, also one created concurrently, is left as it is.
   */
  void ensureExists(String clientId, String accountId, OffsetDateTime now);
}
