package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
  public Map<Long, OffsetDateTime> markDelivered(Map<Long, Integer> httpStatusById, OffsetDateTime now) {
    if (httpStatusById.isEmpty()) {
      return Map.of();
    }
    // Two columns of the rows still pending, locked (ids are longs, so inlined safely); then one
    // bulk UPDATE per answer status (nearly always one). With weaving off, reading these rows as
    // entities cost their construction and an attribute-by-attribute comparison at commit.
    String in = httpStatusById.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, event_at FROM webhook_delivery WHERE id IN (" + in + ") AND status = 'pending'"
                    + " ORDER BY id FOR UPDATE")
            .getResultList();
    Map<Long, OffsetDateTime> changed = new HashMap<>();
    Map<Integer, List<Long>> byStatus = new HashMap<>();
    for (Object[] row : rows) {
      long id = ((Number) row[0]).longValue();
      changed.put(id, asOffsetDateTime(row[1]));
      byStatus.computeIfAbsent(httpStatusById.get(id), k -> new ArrayList<>()).add(id);
    }
    byStatus.forEach(
        (httpStatus, ids) ->
            em.createQuery(
                    "UPDATE WebhookDelivery d SET d.status = 'success', d.attempts = d.attempts + 1,"
                        + " d.lastHttpStatus = :http, d.lastError = NULL, d.updatedAt = :now WHERE d.id IN :ids")
                .setParameter("http", httpStatus)
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate());
    return changed;
  }

  private static OffsetDateTime asOffsetDateTime(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("event_at read as " + (value == null ? "null" : value.getClass().getName()));
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
