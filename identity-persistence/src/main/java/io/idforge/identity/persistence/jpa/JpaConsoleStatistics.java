package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.application.port.ConsoleStatistics;
import io.idforge.identity.core.engine.EventNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's aggregates. Every query binds the tenant and the creation range, which
 * {@code ix_identity_process_created} (V11: client_id, created_at) serves.
 */
@ApplicationScoped
public class JpaConsoleStatistics implements ConsoleStatistics {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public List<DayCount> processesPerDay(String clientId, OffsetDateTime from, OffsetDateTime to) {
    // Native: JPQL has no "day of a timestamp". The UTC day is the epoch second divided by 86400,
    // the same on PostgreSQL and H2 2.x whatever the session's time zone (H2 casts a
    // "AT TIME ZONE 'UTC'" value to DATE in the session's zone, so that is not portable).
    List<?> rows = em.createNativeQuery(
            "SELECT FLOOR(EXTRACT(EPOCH FROM created_at) / 86400), status, COUNT(*) FROM identity_process"
                + " WHERE client_id = ?1 AND created_at >= ?2 AND created_at < ?3"
                + " GROUP BY FLOOR(EXTRACT(EPOCH FROM created_at) / 86400), status")
        .setParameter(1, clientId)
        .setParameter(2, utc(from))
        .setParameter(3, utc(to))
        .getResultList();
    return rows.stream().map(r -> (Object[]) r)
        .map(r -> new DayCount(LocalDate.ofEpochDay(((Number) r[0]).longValue()), (String) r[1], ((Number) r[2]).longValue()))
        .toList();
  }

  @Override
  public List<ReasonCount> topDeclinedReasons(String clientId, OffsetDateTime from, OffsetDateTime to, int limit) {
    return reasons("declinedReason", clientId, from, to, limit);
  }

  @Override
  public List<ReasonCount> topExpiredReasons(String clientId, OffsetDateTime from, OffsetDateTime to, int limit) {
    return reasons("expiredReason", clientId, from, to, limit);
  }

  private List<ReasonCount> reasons(String field, String clientId, OffsetDateTime from, OffsetDateTime to, int limit) {
    // field is one of two constants above, never input.
    String path = "p.outcome." + field;
    return em.createQuery(
            "SELECT " + path + ", COUNT(p) FROM IdentityProcess p WHERE p.clientId = :client"
                + " AND p.createdAt >= :from AND p.createdAt < :to AND " + path + " IS NOT NULL"
                + " GROUP BY " + path + " ORDER BY COUNT(p) DESC, " + path,
            Object[].class)
        .setParameter("client", clientId)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(r -> new ReasonCount((String) r[0], ((Number) r[1]).longValue()))
        .toList();
  }

  @Override
  public List<StepCount> processesByStep(
      String clientId, String flowId, int flowVersion, OffsetDateTime from, OffsetDateTime to) {
    return em.createQuery(
            "SELECT p.currentStepIndex, p.outcome.status, COUNT(p) FROM IdentityProcess p WHERE p.clientId = :client"
                + " AND p.flowId = :flow AND p.flowVersion = :version AND p.createdAt >= :from AND p.createdAt < :to"
                + " GROUP BY p.currentStepIndex, p.outcome.status",
            Object[].class)
        .setParameter("client", clientId)
        .setParameter("flow", flowId)
        .setParameter("version", flowVersion)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList()
        .stream()
        .map(r -> new StepCount(((Number) r[0]).intValue(), (String) r[1], ((Number) r[2]).longValue()))
        .toList();
  }

  @Override
  public List<Completion> completions(String clientId, OffsetDateTime from, OffsetDateTime to, int limit) {
    // The finish is the process's own terminal event (ix_process_event_process); an override later
    // writes "overwritten_*" events and does not move it.
    return em.createQuery(
            "SELECT p.createdAt, e.createdAt FROM IdentityProcess p, ProcessEvent e WHERE p.clientId = :client"
                + " AND p.createdAt >= :from AND p.createdAt < :to AND p.outcome.status <> 'pending'"
                + " AND e.clientId = p.clientId AND e.processId = p.processId AND e.eventType = :type AND e.eventAction IN (:succeeded, :failed)"
                + " ORDER BY p.createdAt DESC",
            Object[].class)
        .setParameter("client", clientId)
        .setParameter("from", from)
        .setParameter("to", to)
        .setParameter("type", EventNames.PROCESS)
        .setParameter("succeeded", EventNames.SUCCEEDED)
        .setParameter("failed", EventNames.FAILED)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(r -> new Completion(time(r[0]), time(r[1])))
        .toList();
  }

  @Override
  public OpenReviews openReviews(String clientId) {
    // ix_review_task_queue (client_id, status, id).
    Object[] r = em.createQuery(
            "SELECT COUNT(t), MIN(t.createdAt) FROM ReviewTask t WHERE t.clientId = :client AND t.status = 'open'",
            Object[].class)
        .setParameter("client", clientId)
        .getSingleResult();
    return new OpenReviews(((Number) r[0]).longValue(), Optional.ofNullable(r[1]).map(JpaConsoleStatistics::time));
  }

  private static OffsetDateTime utc(OffsetDateTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** A timestamp from a select list: an OffsetDateTime on EclipseLink, a JDBC type elsewhere. */
  private static OffsetDateTime time(Object o) {
    if (o instanceof OffsetDateTime) {
      return utc((OffsetDateTime) o);
    }
    if (o instanceof java.sql.Timestamp) {
      return ((java.sql.Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }
    if (o instanceof java.time.Instant) {
      return ((java.time.Instant) o).atOffset(ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(o.toString()).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
