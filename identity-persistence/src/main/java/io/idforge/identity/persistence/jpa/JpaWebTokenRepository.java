package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.webtoken.WebToken;
import io.idforge.identity.core.domain.webtoken.WebTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA adapter for issued web tokens. */
@ApplicationScoped
public class JpaWebTokenRepository implements WebTokenRepository {

  private static final String BY_JTI = "SELECT t FROM WebToken t WHERE t.jti = :jti";

  private static final String BY_CLIENT_AND_JTI =
      "SELECT t FROM WebToken t WHERE t.clientId = :client AND t.jti = :jti";

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Optional<WebToken> findByJti(String jti) {
    return em.createQuery(BY_JTI, WebToken.class).setParameter("jti", jti).getResultStream().findFirst();
  }

  @Override
  public Optional<WebToken> findByJtiForUpdate(String jti) {
    return em.createQuery(BY_JTI, WebToken.class)
        .setParameter("jti", jti)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<WebToken> find(String clientId, String jti) {
    return em.createQuery(BY_CLIENT_AND_JTI, WebToken.class)
        .setParameter("client", clientId)
        .setParameter("jti", jti)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<WebToken> findForUpdate(String clientId, String jti) {
    return em.createQuery(BY_CLIENT_AND_JTI, WebToken.class)
        .setParameter("client", clientId)
        .setParameter("jti", jti)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<WebToken> list(String clientId, long beforeId, int limit) {
    // Uses ix_web_token_client.
    return em.createQuery(
            "SELECT t FROM WebToken t WHERE t.clientId = :client AND t.id < :before ORDER BY t.id DESC",
            WebToken.class)
        .setParameter("client", clientId)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void store(WebToken token) {
    em.persist(token);
  }
}
