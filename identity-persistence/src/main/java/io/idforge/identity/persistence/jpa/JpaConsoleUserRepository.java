package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.console.ConsoleUser;
import io.idforge.identity.core.domain.console.ConsoleUserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA adapter for console users. */
@ApplicationScoped
public class JpaConsoleUserRepository implements ConsoleUserRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public void store(ConsoleUser user) {
    em.persist(user);
  }

  @Override
  public Optional<ConsoleUser> findByUsername(String username) {
    return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.username = :name", ConsoleUser.class)
        .setParameter("name", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ConsoleUser> findByUsernameForUpdate(String username) {
    return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.username = :name", ConsoleUser.class)
        .setParameter("name", username)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ConsoleUser> findBySetupDigest(String digest) {
    return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.setupDigest = :digest", ConsoleUser.class)
        .setParameter("digest", digest)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ConsoleUser> listByClient(String clientId) {
    return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.clientId = :client ORDER BY u.username", ConsoleUser.class)
        .setParameter("client", clientId)
        .getResultList();
  }

  @Override
  public long count() {
    return em.createQuery("SELECT COUNT(u) FROM ConsoleUser u", Long.class).getSingleResult();
  }
}
