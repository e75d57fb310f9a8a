package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.webhook.WebhookEndpoint;
import io.idforge.identity.core.domain.webhook.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA adapter for webhook endpoints; deleted rows stay for the delivery log but are not listed. */
@ApplicationScoped
public class JpaWebhookEndpointRepository implements WebhookEndpointRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public void store(WebhookEndpoint endpoint) {
    em.persist(endpoint);
  }

  @Override
  public Optional<WebhookEndpoint> find(String clientId, String endpointId) {
    return em.createQuery(
            "SELECT w FROM WebhookEndpoint w WHERE w.clientId = :client AND w.endpointId = :id AND w.deletedAt IS NULL",
            WebhookEndpoint.class)
        .setParameter("client", clientId)
        .setParameter("id", endpointId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<WebhookEndpoint> findForDelivery(String endpointId) {
    return em.createQuery("SELECT w FROM WebhookEndpoint w WHERE w.endpointId = :id", WebhookEndpoint.class)
        .setParameter("id", endpointId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<WebhookEndpoint> list(String clientId, long beforeId, int limit) {
    return em.createQuery(
            "SELECT w FROM WebhookEndpoint w WHERE w.clientId = :client AND w.deletedAt IS NULL AND w.id < :before"
                + " ORDER BY w.id DESC",
            WebhookEndpoint.class)
        .setParameter("client", clientId)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<WebhookEndpoint> listEnabled(String clientId) {
    // Uses ix_webhook_endpoint_client. Called by the webhook fan-out inside transactions that
    // changed processes and appended events, never endpoints: with the default AUTO flush mode
    // EclipseLink flushed that whole unit of work before this read (with weaving off, comparing
    // every attribute of every managed entity, then again at commit): 32 % of the expiry sweep's
    // samples in the profile of bench/expiry.sh. COMMIT leaves the writes, in one JDBC batch, to
    // the commit.
    return em.createQuery(
            "SELECT w FROM WebhookEndpoint w WHERE w.clientId = :client AND w.deletedAt IS NULL AND w.enabled = TRUE",
            WebhookEndpoint.class)
        .setParameter("client", clientId)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }
}
