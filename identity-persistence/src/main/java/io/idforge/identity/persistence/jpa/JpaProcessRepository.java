package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.process.ProcessRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** JPA adapter for identity processes. */
@ApplicationScoped
public class JpaProcessRepository implements ProcessRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Optional<IdentityProcess> find(String clientId, String processId) {
    return em.createQuery(
            "SELECT p FROM IdentityProcess p WHERE p.clientId = :client AND p.processId = :process",
            IdentityProcess.class)
        .setParameter("client", clientId)
        .setParameter("process", processId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<IdentityProcess> findByJti(String jti) {
    return em.createQuery("SELECT p FROM IdentityProcess p WHERE p.jti = :jti", IdentityProcess.class)
        .setParameter("jti", jti)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<IdentityProcess> list(String clientId, ProcessQuery q, long beforeId, int limit) {
    StringBuilder jpql =
        new StringBuilder("SELECT p FROM IdentityProcess p WHERE p.clientId = :client AND p.id < :before");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("client", clientId);
    params.put("before", beforeId);
    if (q.status() != null) {
      jpql.append(" AND p.outcome.status = :status");
      params.put("status", q.status().wireValue());
    }
    if (q.failureStatus() != null) {
      jpql.append(" AND p.outcome.failureStatus = :failure");
      params.put("failure", q.failureStatus().wireValue());
    }
    if (!q.declinedReasons().isEmpty()) {
      jpql.append(" AND p.outcome.declinedReason IN :reasons");
      params.put("reasons", q.declinedReasons());
    }
    if (q.startDate() != null) {
      jpql.append(" AND p.createdAt >= :start");
      params.put("start", q.startDate());
    }
    if (q.endDate() != null) {
      jpql.append(" AND p.createdAt <= :end");
      params.put("end", q.endDate());
    }
    if (q.search() != null) {
      // Truora: exact for process and flow ids, partial (prefix) for the account id.
      jpql.append(" AND (p.processId = :search OR p.flowId = :search OR p.accountId LIKE :accountPrefix ESCAPE '!')");
      params.put("search", q.search());
      params.put("accountPrefix", escapeLike(q.search()) + "%");
    }
    if (q.documentTag() != null) {
      // Uses ix_validation_document_tag (V23).
      jpql.append(" AND p.processId IN (SELECT v.processId FROM Validation v WHERE v.clientId = :client"
          + " AND v.documentTag = :documentTag)");
      params.put("documentTag", q.documentTag());
    }
    jpql.append(" ORDER BY p.id DESC");
    TypedQuery<IdentityProcess> query = em.createQuery(jpql.toString(), IdentityProcess.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public List<Long> findOverdueIds(OffsetDateTime now, int limit) {
    // Uses ix_identity_process_due (status, expires_at).
    return em.createQuery(
            "SELECT p.id FROM IdentityProcess p WHERE p.outcome.status = 'pending' AND p.expiresAt <= :now"
                + " ORDER BY p.expiresAt",
            Long.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<IdentityProcess> lockOverdue(OffsetDateTime now, int limit, Collection<Long> excluded) {
    // Native because JPQL has no SKIP LOCKED; ids are longs, so the exclusion list is inlined
    // safely. Uses ix_identity_process_due; PostgreSQL: concurrent sweepers lock disjoint rows.
    // H2 accepts the syntax but with ORDER BY and a limit locks every matching row: safe, serial.
    StringBuilder sql =
        new StringBuilder("SELECT id FROM identity_process WHERE status = 'pending' AND expires_at <= ?");
    if (!excluded.isEmpty()) {
      sql.append(" AND id NOT IN (");
      sql.append(excluded.stream().map(String::valueOf).collect(Collectors.joining(",")));
      sql.append(')');
    }
    sql.append(" ORDER BY expires_at FETCH FIRST ").append(limit).append(" ROWS ONLY FOR UPDATE SKIP LOCKED");
    // A process changed earlier in this persistence context must reach the table first.
    em.flush();
    @SuppressWarnings("unchecked")
    List<Object> rows = em.createNativeQuery(sql.toString()).setParameter(1, now).getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> ((Number) r).longValue()).toList();
    // The rows are locked by this transaction, so this plain read sees them as they are now.
    return em.createQuery("SELECT p FROM IdentityProcess p WHERE p.id IN :ids ORDER BY p.expiresAt", IdentityProcess.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  @Override
  public Optional<IdentityProcess> lock(long id) {
    // A process persisted or changed earlier in this transaction is not in the table yet: flush
    // first, so the locking read below finds it and no pending change is lost.
    em.flush();
    // Callers lock a process they may have read moments ago, in the same persistence context,
    // while the expiry job or another request changed the row: they need the row as it is once
    // locked. find(..., PESSIMISTIC_WRITE) re-reads an already loaded entity on EclipseLink, but
    // on Hibernate only compares versions and throws OptimisticLockException (a 409 on a read).
    // refresh under the lock re-reads the row on both.
    IdentityProcess process = em.find(IdentityProcess.class, id);
    if (process == null) {
      return Optional.empty();
    }
    em.refresh(process, LockModeType.PESSIMISTIC_WRITE);
    return Optional.of(process);
  }

  @Override
  public void store(IdentityProcess process) {
    em.persist(process);
    // The caller locks the new process next (ProcessRecords.lock): EclipseLink's find with
    // PESSIMISTIC_WRITE reads the row with SELECT ... FOR UPDATE and, for an entity persisted but not
    // yet flushed, finds nothing. Nothing else flushes in between once the flow version's definition
    // is cached, so the second process of a flow failed its first open with a 404.
    em.flush();
  }

  /**
   * Account ids allow '_' (a LIKE wildcard); match it literally. The escape character is named in
   * the query: relying on the database's default (backslash) worked with EclipseLink but matched
   * nothing with Hibernate (WildFly); '!' needs no quoting in JPQL, HQL or SQL string literals.
   */
  private static String escapeLike(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
