package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** JPA adapter for the webhook delivery queue and log. */
@ApplicationScoped
public class JpaWebhookDeliveryRepository implements WebhookDeliveryRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public void store(WebhookDelivery delivery) {
    em.persist(delivery);
  }

  @Override
  public Optional<WebhookDelivery> find(String clientId, String idempotencyKey) {
    return em.createQuery(
            "SELECT d FROM WebhookDelivery d WHERE d.clientId = :client AND d.idempotencyKey = :key",
            WebhookDelivery.class)
        .setParameter("client", clientId)
        .setParameter("key", idempotencyKey)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<WebhookDelivery> list(String clientId, long beforeId, int limit) {
    // Uses ix_webhook_delivery_client.
    return em.createQuery(
            "SELECT d FROM WebhookDelivery d WHERE d.clientId = :client AND d.id < :before ORDER BY d.id DESC",
            WebhookDelivery.class)
        .setParameter("client", clientId)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<WebhookDelivery> listByEventTime(String clientId, OffsetDateTime from, OffsetDateTime to, int limit) {
    return em.createQuery(
            "SELECT d FROM WebhookDelivery d WHERE d.clientId = :client AND d.eventAt >= :from AND d.eventAt < :to"
                + " ORDER BY d.eventAt, d.id",
            WebhookDelivery.class)
        .setParameter("client", clientId)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<WebhookDelivery> listByEvents(String clientId, List<String> eventIds, int limit) {
    // Uses ix_webhook_delivery_event (V22).
    return em.createQuery(
            "SELECT d FROM WebhookDelivery d WHERE d.clientId = :client AND d.eventId IN :events ORDER BY d.id",
            WebhookDelivery.class)
        .setParameter("client", clientId)
        .setParameter("events", eventIds)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> claimDue(OffsetDateTime now, OffsetDateTime claimUntil, int limit) {
    // Native because JPQL has no SKIP LOCKED. PostgreSQL: concurrent drains get disjoint rows.
    // H2 accepts the syntax but with ORDER BY and a limit locks every matching row: safe, serial.
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "SELECT id FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= ?"
                    + " ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
            .setParameter(1, now)
            .getResultList();
    List<Long> ids = new ArrayList<>(rows.size());
    for (Object row : rows) {
      ids.add(((Number) row).longValue());
    }
    if (!ids.isEmpty()) {
      em.createQuery("UPDATE WebhookDelivery d SET d.nextAttemptAt = :until WHERE d.id IN :ids")
          .setParameter("until", claimUntil)
          .setParameter("ids", ids)
          .executeUpdate();
    }
    return ids;
  }

  @Override
  public Optional<WebhookDelivery> lock(long id) {
    return Optional.ofNullable(em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<WebhookDelivery> lockAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.id IN :ids ORDER BY d.id", WebhookDelivery.class)
        .setParameter("ids", ids)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeFinishedBefore(OffsetDateTime before, int limit) {
    List<Long> ids =
        em.createQuery(
                "SELECT d.id FROM WebhookDelivery d WHERE d.createdAt < :before AND d.status <> 'pending'", Long.class)
            .setParameter("before", before)
            .setMaxResults(limit)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    return em.createQuery("DELETE FROM WebhookDelivery d WHERE d.id IN :ids").setParameter("ids", ids).executeUpdate();
  }
}
