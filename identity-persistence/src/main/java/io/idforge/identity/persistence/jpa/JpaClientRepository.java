package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.client.Client;
import io.idforge.identity.core.domain.client.ClientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA adapter for tenants. */
@ApplicationScoped
public class JpaClientRepository implements ClientRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Optional<Client> find(String clientId) {
    return em.createQuery("SELECT c FROM Client c WHERE c.clientId = :id", Client.class)
        .setParameter("id", clientId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void store(Client client) {
    em.persist(client);
  }

  @Override
  public List<Client> all() {
    return em.createQuery("SELECT c FROM Client c ORDER BY c.id", Client.class).getResultList();
  }

  @Override
  public long count() {
    return em.createQuery("SELECT COUNT(c) FROM Client c", Long.class).getSingleResult();
  }
}
