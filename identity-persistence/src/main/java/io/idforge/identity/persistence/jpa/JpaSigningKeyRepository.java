package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.signingkey.SigningKey;
import io.idforge.identity.core.domain.signingkey.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** JPA adapter for generated signing keys. */
@ApplicationScoped
public class JpaSigningKeyRepository implements SigningKeyRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public List<SigningKey> all(String purpose) {
    return em.createQuery(
            "SELECT k FROM SigningKey k WHERE k.purpose = :purpose ORDER BY k.createdAt, k.kid", SigningKey.class)
        .setParameter("purpose", purpose)
        .getResultList();
  }

  @Override
  public void store(SigningKey key) {
    em.persist(key);
    em.flush();
  }
}
