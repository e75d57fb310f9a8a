package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.account.Account;
import io.idforge.identity.core.domain.account.AccountRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** JPA adapter for accounts. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

  /**
   * PostgreSQL: one insert that skips an existing row, also one another transaction is inserting
   * at the same moment (it waits for that one and then does nothing, where a select-then-insert
   * met the unique key: a 500). The id comes from the sequence in the same statement; with
   * {@code INCREMENT BY 50} each such value is one EclipseLink would never hand out itself (it
   * uses the 50 numbers up to a value it fetched), so the two kinds of insert never collide.
   */
  static final String ENSURE_POSTGRESQL =
      "INSERT INTO account (id, client_id, account_id, created_at) VALUES (nextval('account_seq'), ?, ?, ?)"
          + " ON CONFLICT (client_id, account_id) DO NOTHING";

  /**
   * H2 (the embedded default) has no {@code ON CONFLICT}: the same single statement with a
   * {@code NOT EXISTS} guard. Two transactions creating the same new account at once may still
   * meet the unique key there, as the select-then-insert did.
   */
  static final String ENSURE_PORTABLE =
      "INSERT INTO account (id, client_id, account_id, created_at) SELECT NEXT VALUE FOR account_seq, ?, ?, ?"
          + " FROM (VALUES (0)) one WHERE NOT EXISTS"
          + " (SELECT 1 FROM account a WHERE a.client_id = ? AND a.account_id = ?)";

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Resource(lookup = "java:app/jdbc/identity")
  DataSource dataSource;

  /** Whether the database is PostgreSQL; read once from the driver. */
  private volatile Boolean postgresql;

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

  @Override
  public void ensureExists(String clientId, String accountId, OffsetDateTime now) {
    // Native: JPQL has no insert. Bound like the entity's created_at (UtcTimestampConverter).
    OffsetDateTime createdAt = now.withOffsetSameInstant(ZoneOffset.UTC);
    if (postgresql()) {
      em.createNativeQuery(ENSURE_POSTGRESQL)
          .setParameter(1, clientId)
          .setParameter(2, accountId)
          .setParameter(3, createdAt)
          .executeUpdate();
    } else {
      em.createNativeQuery(ENSURE_PORTABLE)
          .setParameter(1, clientId)
          .setParameter(2, accountId)
          .setParameter(3, createdAt)
          .setParameter(4, clientId)
          .setParameter(5, accountId)
          .executeUpdate();
    }
  }

  private boolean postgresql() {
    Boolean known = postgresql;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the database product", e);
      }
      postgresql = known;
    }
    return known;
  }
}
