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
import java.time.ZoneOffset;
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

  /** The statement that takes one value of the sequence; chosen from the driver on first use. */
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
          ps.setObject(10, e.createdAt().withOffsetSameInstant(ZoneOffset.UTC));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw new PersistenceException("could not append " + events.size() + " events", e);
    }
  }

  /** {@code count} ids in increasing order, in blocks of {@link #IDS_PER_SEQUENCE_VALUE}. */
  private long[] takeIds(Connection c, int count) throws SQLException {
    long[] ids = new long[count];
    int taken = 0;
    try (PreparedStatement ps = c.prepareStatement(nextValue(c))) {
      while (taken < count) {
        long last;
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          last = rs.getLong(1);
        }
        for (long id = last - IDS_PER_SEQUENCE_VALUE + 1; id <= last && taken < count; id++) {
          ids[taken++] = id;
        }
      }
    }
    return ids;
  }

  private String nextValue(Connection c) throws SQLException {
    String sql = nextValue;
    if (sql == null) {
      boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      sql = postgresql ? "SELECT nextval('process_event_seq')" : "SELECT NEXT VALUE FOR process_event_seq";
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
