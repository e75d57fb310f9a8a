package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.webhook.AttemptRecord;
import io.idforge.identity.core.domain.webhook.ClaimedDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDeliveryRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** JPA adapter for the webhook delivery queue and log. */
@ApplicationScoped
public class JpaWebhookDeliveryRepository implements WebhookDeliveryRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  /** The persistence unit's JTA data source: plain JDBC joins the caller's transaction. */
  @Resource(lookup = "java:app/jdbc/identity")
  DataSource dataSource;

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

  /**
   * Native, on the JTA data source (the caller's transaction), because JPQL has no SKIP LOCKED and
   * no entity is needed: the columns signing needs come back with the lock. PostgreSQL: concurrent
   * drains get disjoint rows. H2 accepts the syntax but with ORDER BY and a limit locks every
   * matching row: safe, serial. The SQL text never changes with the batch size, so each statement
   * is prepared once per pooled connection (EclipseLink re-prepared its IN lists per size).
   * Uses ix_webhook_delivery_due.
   */
  @Override
  public List<ClaimedDelivery> claimDue(OffsetDateTime now, OffsetDateTime claimUntil, int limit) {
    List<ClaimedDelivery> claimed = new ArrayList<>(limit);
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement select = c.prepareStatement(CLAIM)) {
        select.setObject(1, now);
        select.setInt(2, limit);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            claimed.add(
                new ClaimedDelivery(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getInt(9), claimUntil));
          }
        }
      }
      if (!claimed.isEmpty()) {
        try (PreparedStatement lease = c.prepareStatement(LEASE)) {
          for (ClaimedDelivery d : claimed) {
            lease.setObject(1, claimUntil);
            lease.setLong(2, d.id());
            lease.addBatch();
          }
          lease.executeBatch();
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("claiming webhook deliveries failed", e);
    }
    return claimed;
  }

  private static final String CLAIM =
      "SELECT id, idempotency_key, endpoint_id, event_id, event_type, event_action, object, event_at, attempts"
          + " FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= ?"
          + " ORDER BY next_attempt_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

  private static final String LEASE = "UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ?";

  /** The lease guard of both: the row is still pending and still carries this claim's due time. */
  private static final String SUCCEEDED =
      "UPDATE webhook_delivery SET status = 'success', attempts = ?, last_http_status = ?, last_error = NULL,"
          + " updated_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?";

  private static final String FAILED =
      "UPDATE webhook_delivery SET status = ?, attempts = ?, last_http_status = ?, last_error = ?, updated_at = ?,"
          + " next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?";

  /**
   * Two JDBC batches (successes, failed attempts) whose SQL is fixed, on the JTA data source in
   * the caller's transaction; no entity is read.
   */
  @Override
  public boolean[] recordAttempts(List<AttemptRecord> records, OffsetDateTime now) {
    boolean[] written = new boolean[records.size()];
    List<Integer> successes = new ArrayList<>();
    List<Integer> failures = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      (records.get(i).delivered() ? successes : failures).add(i);
    }
    try (Connection c = dataSource.getConnection()) {
      if (!successes.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(SUCCEEDED)) {
          for (int i : successes) {
            AttemptRecord r = records.get(i);
            ps.setInt(1, r.attempts());
            ps.setInt(2, r.httpStatus());
            ps.setObject(3, now);
            ps.setLong(4, r.id());
            ps.setObject(5, r.leaseUntil());
            ps.addBatch();
          }
          mark(ps.executeBatch(), successes, written);
        }
      }
      if (!failures.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(FAILED)) {
          for (int i : failures) {
            AttemptRecord r = records.get(i);
            ps.setString(1, r.retryAt() == null ? "failure" : "pending");
            ps.setInt(2, r.attempts());
            if (r.httpStatus() == null) {
              ps.setNull(3, Types.INTEGER);
            } else {
              ps.setInt(3, r.httpStatus());
            }
            ps.setString(4, r.error());
            ps.setObject(5, now);
            // The last attempt keeps its due time: a failed delivery is never due again anyway.
            ps.setObject(6, r.retryAt() == null ? r.leaseUntil() : r.retryAt());
            ps.setLong(7, r.id());
            ps.setObject(8, r.leaseUntil());
            ps.addBatch();
          }
          mark(ps.executeBatch(), failures, written);
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("recording webhook attempts failed", e);
    }
    return written;
  }

  private static void mark(int[] counts, List<Integer> indexes, boolean[] written) {
    for (int k = 0; k < counts.length; k++) {
      written[indexes.get(k)] = counts[k] > 0 || counts[k] == Statement.SUCCESS_NO_INFO;
    }
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
