package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.event.EventRepository;
import io.idforge.identity.core.domain.event.ProcessEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** JPA adapter for the event log. */
@ApplicationScoped
public class JpaEventRepository implements EventRepository {

  /**
   * Ids per value of {@code process_event_seq}: its {@code INCREMENT BY} (V5) and the entity's
   * {@code allocationSize}. Like EclipseLink and Hibernate, a value V owns the ids V-49 to V, so
   * ids taken here and by the JPA provider never meet.
   */
  static final int IDS_PER_SEQUENCE_VALUE = 50;

  static final String INSERT =
      "INSERT INTO process_event (id, event_id, client_id, process_id, validation_id, event_type, event_action,"
          + " actor, object, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  /** The persistence unit's own JTA datasource, for {@link #appendAll}. */
  @Resource(lookup = "java:app/jdbc/identity")
  DataSource dataSource;

  /** The statement that takes values of the sequence; chosen from the driver on first use. */
  private volatile String nextValue;

  @Override
  public void append(ProcessEvent event) {
    em.persist(event);
  }

  /**
   * One JDBC batch of one insert for the whole list, on the transaction's connection: the expiry
   * sweep records 200 events per transaction, and persisting them (the provider's registration,
   * cloning and change sets for each new entity) cost more than building them. The events are not
   * managed afterwards; the log is append-only, so nothing would change them.
   */
  @Override
  public void appendAll(List<ProcessEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      long[] ids = takeIds(c, events.size());
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (int i = 0; i < events.size(); i++) {
          ProcessEvent e = events.get(i);
          e.assignSequence(ids[i]);
          ps.setLong(1, ids[i]);
          ps.setString(2, e.eventId());
          ps.setString(3, e.clientId());
          ps.setString(4, e.processId());
          ps.setString(5, e.validationId());
          ps.setString(6, e.eventType());
          ps.setString(7, e.eventAction());
          ps.setString(8, e.actor());
          ps.setString(9, e.object());
          // Bound like the entity's created_at (UtcTimestampConverter).
          ps.setObject(10, UtcTimestampConverter.utc(e.createdAt()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw new PersistenceException("could not append " + events.size() + " events", e);
    }
  }

  /**
   * {@code count} ids in increasing order, in blocks of {@link #IDS_PER_SEQUENCE_VALUE}. On
   * PostgreSQL every block a batch needs comes in one round trip (a sweep's 200 events need four
   * values, and each round trip was a wait of the sweeping thread); H2 takes them one by one.
   */
  private long[] takeIds(Connection c, int count) throws SQLException {
    int blocks = (count + IDS_PER_SEQUENCE_VALUE - 1) / IDS_PER_SEQUENCE_VALUE;
    long[] values = new long[blocks];
    String sql = nextValues(c);
    boolean severalPerQuery = sql.contains("generate_series");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int taken = 0;
      while (taken < blocks) {
        if (severalPerQuery) {
          ps.setInt(1, blocks - taken);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && taken < blocks) {
            values[taken++] = rs.getLong(1);
          }
        }
      }
    }
    // Each value owns the block below it; sorted, the ids rise with the list's order.
    Arrays.sort(values);
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = values[i / IDS_PER_SEQUENCE_VALUE] - IDS_PER_SEQUENCE_VALUE + 1 + i % IDS_PER_SEQUENCE_VALUE;
    }
    return ids;
  }

  private String nextValues(Connection c) throws SQLException {
    String sql = nextValue;
    if (sql == null) {
      boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      sql = postgresql
          ? "SELECT nextval('process_event_seq') FROM generate_series(1, ?)"
          : "SELECT NEXT VALUE FOR process_event_seq";
      nextValue = sql;
    }
    return sql;
  }

  @Override
  public List<ProcessEvent> listByProcess(String clientId, String processId) {
    // Uses ix_process_event_process.
    return em.createQuery(
            "SELECT e FROM ProcessEvent e WHERE e.clientId = :client AND e.processId = :process ORDER BY e.id",
            ProcessEvent.class)
        .setParameter("client", clientId)
        .setParameter("process", processId)
        .getResultList();
  }

  @Override
  public List<ProcessEvent> listByValidation(String clientId, String validationId) {
    // Uses ix_process_event_validation.
    return em.createQuery(
            "SELECT e FROM ProcessEvent e WHERE e.clientId = :client AND e.validationId = :validation ORDER BY e.id",
            ProcessEvent.class)
        .setParameter("client", clientId)
        .setParameter("validation", validationId)
        .getResultList();
  }
}
