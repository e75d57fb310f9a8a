package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.media.MediaRepository;
import io.idforge.identity.core.domain.media.StoredMedia;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** JPA adapter for encrypted media. */
@ApplicationScoped
public class JpaMediaRepository implements MediaRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Optional<StoredMedia> find(String clientId, String mediaId) {
    return em.createQuery(
            "SELECT m FROM StoredMedia m WHERE m.clientId = :client AND m.mediaId = :media", StoredMedia.class)
        .setParameter("client", clientId)
        .setParameter("media", mediaId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void store(StoredMedia media) {
    em.persist(media);
  }
}
