package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.backendkey.BackendKey;
import io.idforge.identity.core.domain.backendkey.BackendKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** JPA adapter for backend keys. Revocation is checked in the lookup query itself. */
@ApplicationScoped
public class JpaBackendKeyRepository implements BackendKeyRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Optional<BackendKey> findActiveByDigest(String digest) {
    // Uses uq_backend_key_digest.
    return em.createQuery(
            "SELECT k FROM BackendKey k WHERE k.digest = :digest AND k.revokedAt IS NULL", BackendKey.class)
        .setParameter("digest", digest)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<BackendKey> find(String clientId, String keyId) {
    return em.createQuery(
            "SELECT k FROM BackendKey k WHERE k.clientId = :client AND k.keyId = :keyId", BackendKey.class)
        .setParameter("client", clientId)
        .setParameter("keyId", keyId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<BackendKey> list(String clientId, String keyType, long beforeId, int limit) {
    return em.createQuery(
            "SELECT k FROM BackendKey k WHERE k.clientId = :client AND k.keyType = :type AND k.id < :before"
                + " ORDER BY k.id DESC",
            BackendKey.class)
        .setParameter("client", clientId)
        .setParameter("type", keyType)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<BackendKey> listActiveIssuedBy(String clientId, String issuerKeyId, OffsetDateTime now) {
    // Uses ix_backend_key_issued_by.
    return em.createQuery(
            "SELECT k FROM BackendKey k WHERE k.clientId = :client AND k.issuedBy = :issuer AND k.revokedAt IS NULL"
                + " AND (k.expiresAt IS NULL OR k.expiresAt > :now)",
            BackendKey.class)
        .setParameter("client", clientId)
        .setParameter("issuer", issuerKeyId)
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public void store(BackendKey key) {
    em.persist(key);
  }
}
