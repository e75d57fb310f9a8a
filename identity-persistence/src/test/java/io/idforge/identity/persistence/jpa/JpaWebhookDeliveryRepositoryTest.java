package io.idforge.identity.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.domain.webhook.AttemptRecord;
import io.idforge.identity.core.domain.webhook.ClaimedDelivery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The drain's JDBC statements on the real schema (Flyway), on PostgreSQL and on H2 (the embedded
 * default): the claim returns what signing needs and writes the lease; an outcome is written only
 * while its row carries that lease; on PostgreSQL two open claims get disjoint rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JpaWebhookDeliveryRepositoryTest {

  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 6, 6, 0, 0, 0, ZoneOffset.UTC);

  private EmbeddedPostgres postgres;
  private DataSource pg;
  private DataSource h2;

  @BeforeAll
  void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    pg = postgres.getPostgresDatabase();
    JdbcDataSource h = new JdbcDataSource();
    h.setURL("jdbc:h2:mem:deliveries;DB_CLOSE_DELAY=-1");
    h2 = h;
    migrate(pg, "postgresql");
    migrate(h2, "h2");
  }

  @AfterAll
  void stop() throws Exception {
    postgres.close();
  }

  private static void migrate(DataSource ds, String vendor) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
  }

  Stream<DataSource> databases() {
    return Stream.of(pg, h2);
  }

  private static JpaWebhookDeliveryRepository repository(DataSource ds) {
    JpaWebhookDeliveryRepository r = new JpaWebhookDeliveryRepository();
    r.dataSource = ds;
    return r;
  }

  private static void insert(DataSource ds, long id, OffsetDateTime due) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO webhook_delivery (id, idempotency_key, client_id, endpoint_id, event_id, event_type, event_action,"
                + " object, event_at, status, attempts, next_attempt_at, created_at, updated_at)"
                + " VALUES (?, ?, 'TCI1', 'WHE1', ?, 'digital_identity.identity_process', 'failed', '{\"a\":1}', ?, 'pending', ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, "HIK" + id);
      ps.setString(3, "HKE" + id);
      ps.setObject(4, T0.minusMinutes(1));
      ps.setInt(5, (int) (id % 3));
      ps.setObject(6, due);
      ps.setObject(7, T0);
      ps.setObject(8, T0);
      ps.executeUpdate();
    }
  }

  private static void clear(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_delivery")) {
      ps.executeUpdate();
    }
  }

  private static String row(DataSource ds, long id) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT status, attempts, last_http_status, last_error, next_attempt_at FROM webhook_delivery WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1) + " " + rs.getInt(2) + " " + rs.getObject(3) + " " + rs.getString(4) + " "
            + rs.getObject(5, OffsetDateTime.class).toInstant();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aClaimReturnsWhatSigningNeedsAndWritesTheLease(DataSource ds) throws Exception {
    clear(ds);
    insert(ds, 1, T0.minusSeconds(30));
    insert(ds, 2, T0.minusSeconds(20));
    insert(ds, 3, T0.plusMinutes(5)); // not due
    OffsetDateTime lease = T0.plusMinutes(2);
    List<ClaimedDelivery> claimed = repository(ds).claimDue(T0, lease, 10);
    assertEquals(List.of(1L, 2L), claimed.stream().map(ClaimedDelivery::id).toList(), "due rows, oldest due first");
    ClaimedDelivery d = claimed.get(0);
    assertEquals("HIK1", d.idempotencyKey());
    assertEquals("WHE1", d.endpointId());
    assertEquals("HKE1", d.eventId());
    assertEquals("{\"a\":1}", d.object());
    assertEquals(T0.minusMinutes(1).toInstant(), d.eventAt().toInstant());
    assertEquals(1, d.attempts());
    assertEquals(lease, d.leaseUntil());
    assertEquals("pending 1 null null " + lease.toInstant(), row(ds, 1));
    assertEquals(List.of(), repository(ds).claimDue(T0, lease, 10), "claimed rows are hidden until the lease ends");
    insert(ds, 4, T0.minusSeconds(10));
    insert(ds, 5, T0.minusSeconds(5));
    assertEquals(List.of(4L), repository(ds).claimDue(T0, lease, 1).stream().map(ClaimedDelivery::id).toList(), "the limit holds");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anOutcomeIsWrittenOnlyWhileItsRowCarriesTheLease(DataSource ds) throws Exception {
    clear(ds);
    insert(ds, 10, T0);
    JpaWebhookDeliveryRepository repo = repository(ds);
    OffsetDateTime first = T0.plusMinutes(2);
    ClaimedDelivery mine = repo.claimDue(T0, first, 10).get(0);
    // The lease runs out mid-send; another node claims the row again.
    OffsetDateTime second = T0.plusMinutes(5);
    ClaimedDelivery theirs = repo.claimDue(T0.plusMinutes(3), second, 10).get(0);
    assertEquals(mine.id(), theirs.id());
    OffsetDateTime now = T0.plusMinutes(3);
    boolean[] late = repo.recordAttempts(List.of(new AttemptRecord(mine.id(), mine.leaseUntil(), false, 500, "HTTP 500", 1, now.plusMinutes(1))), now);
    assertArrayEquals(new boolean[] {false}, late, "the first node's late outcome does not overwrite the second claim");
    assertEquals("pending 1 null null " + second.toInstant(), row(ds, 10), "row 10 was inserted with one attempt made");
    boolean[] current = repo.recordAttempts(List.of(new AttemptRecord(theirs.id(), theirs.leaseUntil(), true, 204, null, 1, null)), now);
    assertArrayEquals(new boolean[] {true}, current);
    assertEquals("success 1 204 null " + second.toInstant(), row(ds, 10));
    boolean[] again = repo.recordAttempts(List.of(new AttemptRecord(theirs.id(), theirs.leaseUntil(), true, 204, null, 1, null)), now);
    assertArrayEquals(new boolean[] {false}, again, "a finished delivery is left as it is");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void failedAttemptsAreDueAgainOrFailedForGoodInOneCall(DataSource ds) throws Exception {
    clear(ds);
    insert(ds, 20, T0);
    insert(ds, 21, T0);
    insert(ds, 22, T0);
    JpaWebhookDeliveryRepository repo = repository(ds);
    OffsetDateTime lease = T0.plusMinutes(2);
    List<ClaimedDelivery> c = repo.claimDue(T0, lease, 10);
    OffsetDateTime now = T0.plusSeconds(1);
    boolean[] written = repo.recordAttempts(List.of(
        new AttemptRecord(20, lease, false, null, "timeout", 3, now.plusMinutes(30)),
        new AttemptRecord(21, lease, true, 200, null, 2, null),
        new AttemptRecord(22, lease, false, 503, "HTTP 503", 7, null)), now);
    assertEquals(3, c.size());
    assertArrayEquals(new boolean[] {true, true, true}, written);
    assertEquals("pending 3 null timeout " + now.plusMinutes(30).toInstant(), row(ds, 20));
    assertEquals("success 2 200 null " + lease.toInstant(), row(ds, 21));
    assertEquals("failure 7 503 HTTP 503 " + lease.toInstant(), row(ds, 22));
  }

  @Test
  void onPostgresqlTwoOpenClaimsGetDisjointRows() throws Exception {
    clear(pg);
    for (long id = 30; id < 40; id++) {
      insert(pg, id, T0);
    }
    try (Connection a = pg.getConnection(); Connection b = pg.getConnection()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      List<ClaimedDelivery> first = repository(single(a)).claimDue(T0, T0.plusMinutes(2), 6);
      List<ClaimedDelivery> second = repository(single(b)).claimDue(T0, T0.plusMinutes(2), 6);
      Set<Long> ids = new HashSet<>();
      first.forEach(d -> ids.add(d.id()));
      second.forEach(d -> assertTrue(ids.add(d.id()), "row " + d.id() + " claimed twice"));
      assertEquals(6, first.size());
      assertEquals(4, second.size(), "the rest, not the rows the open claim holds");
      a.commit();
      b.commit();
    }
  }

  /** A data source handing out one connection whose close() is ignored: a transaction left open. */
  private static DataSource single(Connection connection) {
    Connection handle = (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return handle;
      }

      @Override
      public Connection getConnection(String user, String password) {
        return handle;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
