package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.OverdueRow;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.process.ProcessRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** JPA adapter for identity processes. */
@ApplicationScoped
public class JpaProcessRepository implements ProcessRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  /** The persistence unit's own JTA datasource, for the expiry sweep's claim and batch write. */
  @Resource(lookup = "java:app/jdbc/identity")
  DataSource dataSource;

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
  public List<IdentityProcess> claimOverdue(OffsetDateTime now, int limit, Collection<Long> excluded) {
    String sql = claimSql(limit, excluded);
    // Plain JDBC on the persistence unit's JTA datasource: inside the transaction the container
    // hands out the connection already enlisted, so these locks and EclipseLink's (or Hibernate's)
    // writes at commit are one database transaction. No entity is built or managed: the 200
    // entities of a batch, their sealed start data opened and their change detection at commit
    // were most of the sweep's CPU.
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, UtcTimestampConverter.utc(now));
      List<IdentityProcess> claimed = new ArrayList<>(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          claimed.add(IdentityProcess.claimed(overdueRow(rs)));
        }
      }
      return claimed;
    } catch (SQLException e) {
      throw new PersistenceException("could not claim overdue processes", e);
    }
  }

  /**
   * The claim: ids are longs, so the exclusion list is inlined safely, and the SQL varies only
   * with it (usually empty) and the configured batch size. Uses ix_identity_process_due; on
   * PostgreSQL concurrent sweepers lock disjoint rows. H2 accepts the syntax but with ORDER BY and
   * a limit locks every matching row: safe, serial.
   */
  static String claimSql(int limit, Collection<Long> excluded) {
    StringBuilder sql = new StringBuilder("SELECT ").append(CLAIMED_COLUMNS)
        .append(" FROM identity_process WHERE status = 'pending' AND expires_at <= ?");
    if (!excluded.isEmpty()) {
      sql.append(" AND id NOT IN (");
      sql.append(excluded.stream().map(String::valueOf).collect(Collectors.joining(",")));
      sql.append(')');
    }
    sql.append(" ORDER BY expires_at FETCH FIRST ").append(limit).append(" ROWS ONLY FOR UPDATE SKIP LOCKED");
    return sql.toString();
  }

  /**
   * The columns of {@link OverdueRow}, in its order. The three dates come as whole microseconds
   * since the epoch (the columns' precision on PostgreSQL and H2): the driver parsing them as
   * timestamps with an offset was most of reading a claimed row, a seventh of the sweep's CPU.
   */
  static final String CLAIMED_COLUMNS =
      "id, process_id, client_id, account_id, flow_id, flow_version, country, created_via,"
          + " current_step_index, grace_extensions, " + epochMicros("created_at") + ", "
          + epochMicros("updated_at") + ", " + epochMicros("expires_at");

  /** Portable SQL (PostgreSQL, H2): EXTRACT(EPOCH ...) is exact seconds with their fraction. */
  private static String epochMicros(String column) {
    return "CAST(EXTRACT(EPOCH FROM " + column + ") * 1000000 AS BIGINT)";
  }

  /** A date read by {@link #epochMicros}, in UTC as the entities' converter reads it. */
  static OffsetDateTime utcFromEpochMicros(long micros) {
    return OffsetDateTime.ofInstant(
        Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
        ZoneOffset.UTC);
  }

  private static OverdueRow overdueRow(ResultSet rs) throws SQLException {
    return new OverdueRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        rs.getString(7),
        rs.getString(8),
        rs.getInt(9),
        rs.getInt(10),
        utcFromEpochMicros(rs.getLong(11)),
        utcFromEpochMicros(rs.getLong(12)),
        utcFromEpochMicros(rs.getLong(13)));
  }

  /** One statement for every process of a batch, whatever its size: prepared once, sent as a JDBC batch. */
  static final String WRITE_SWEPT =
      "UPDATE identity_process SET status = ?, failure_status = ?, expired_reason = ?, expires_at = ?,"
          + " grace_extensions = ?, updated_at = ?, version = version + 1 WHERE id = ?";

  @Override
  public void writeSwept(List<IdentityProcess> swept) {
    if (swept.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(WRITE_SWEPT)) {
      for (IdentityProcess p : swept) {
        ps.setString(1, p.status().wireValue());
        ps.setString(2, p.failureStatus() == null ? null : p.failureStatus().wireValue());
        ps.setString(3, p.expiredReason());
        ps.setObject(4, UtcTimestampConverter.utc(p.expiresAt()));
        ps.setInt(5, p.graceExtensions());
        ps.setObject(6, UtcTimestampConverter.utc(p.updatedAt()));
        ps.setLong(7, p.id());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        // Each row is locked by this transaction's claim, so it cannot have gone away.
        if (counts[i] == 0) {
          throw new PersistenceException("swept process row " + swept.get(i).id() + " was not updated");
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("could not write the swept processes", e);
    }
  }

  /** Bound and read like the entities' timestamps (UtcTimestampConverter). */
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
