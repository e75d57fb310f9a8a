package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.account.Account;
import io.idforge.identity.core.domain.account.AccountProfile;
import io.idforge.identity.core.domain.account.AccountRepository;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.domain.shared.PageKeys;
import io.idforge.identity.core.domain.shared.PublicIds;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Accounts of a tenant: explicit creation, lookup, listing, and creation on first use. */
@Stateless
public class AccountService {

  @Inject AccountRepository accounts;

  @Inject Clock clock;

  /**
   * Creates an account under the caller's id or a generated {@code ACC…}.
   *
   * @throws ConflictException when the tenant already has that account id
   */
  public Account create(Caller caller, String accountId, AccountProfile profile) {
    caller.requireBackend();
    if (accountId != null && accounts.find(caller.clientId(), accountId).isPresent()) {
      throw new ConflictException("Account " + accountId + " already exists");
    }
    Account account =
        new Account(caller.clientId(), accountId == null ? PublicIds.next(PublicIds.ACCOUNT) : accountId, profile, OffsetDateTime.now(clock));
    accounts.store(account);
    return account;
  }

  /** The account with this id, created empty when the tenant does not have it yet. */
  public Account ensure(String clientId, String accountId) {
    if (accountId != null) {
      var existing = accounts.find(clientId, accountId);
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    Account account =
        new Account(clientId, accountId == null ? PublicIds.next(PublicIds.ACCOUNT) : accountId, null, OffsetDateTime.now(clock));
    accounts.store(account);
    return account;
  }

  public Account get(Caller caller, String accountId) {
    caller.requireBackend();
    return accounts
        .find(caller.clientId(), accountId)
        .orElseThrow(() -> new NotFoundException("Validation account not found"));
  }

  public Page<Account> list(Caller caller, String startKey, int limit) {
    caller.requireBackend();
    List<Account> rows = accounts.list(caller.clientId(), PageKeys.decode(startKey), limit + 1);
    return PageKeys.page(rows, limit, Account::id);
  }
}
