package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.account.Account;
import io.idforge.identity.core.domain.account.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA adapter for accounts. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Optional<Account> find(String clientId, String accountId) {
    // Uses uq_account (client_id, account_id).
    return em.createQuery(
            "SELECT a FROM Account a WHERE a.clientId = :client AND a.accountId = :account", Account.class)
        .setParameter("client", clientId)
        .setParameter("account", accountId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Account> list(String clientId, long beforeId, int limit) {
    return em.createQuery(
            "SELECT a FROM Account a WHERE a.clientId = :client AND a.id < :before ORDER BY a.id DESC",
            Account.class)
        .setParameter("client", clientId)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void store(Account account) {
    em.persist(account);
  }
}
