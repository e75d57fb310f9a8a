package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.handoff.Handoff;
import io.idforge.identity.core.domain.handoff.HandoffRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** JPA adapter for hand-off links. */
@ApplicationScoped
public class JpaHandoffRepository implements HandoffRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public void store(Handoff handoff) {
    em.persist(handoff);
  }

  @Override
  public Optional<Handoff> findByDigestForUpdate(String digest) {
    return em.createQuery("SELECT h FROM Handoff h WHERE h.tokenDigest = :digest", Handoff.class)
        .setParameter("digest", digest)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Handoff> latest(String clientId, String processId) {
    // Uses ix_process_handoff_process.
    return em.createQuery(
            "SELECT h FROM Handoff h WHERE h.clientId = :client AND h.processId = :process ORDER BY h.id DESC",
            Handoff.class)
        .setParameter("client", clientId)
        .setParameter("process", processId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
