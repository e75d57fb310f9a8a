package io.idforge.identity.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the datasource's settings come from on each server, and the refusal of H2 where the server
 * does not provide it (WildFly).
 */
class RoutingDataSourceTest {

  private static final Function<String, String> CONFIG =
      Map.of("db.url", "jdbc:postgresql://db:5432/identity", "db.user", "identity")::get;

  @Test
  void aValueTheServerResolvedWins() {
    // Payara resolves ${MPCONFIG=db.url} and sets the bean property.
    assertEquals("jdbc:h2:mem:x", RoutingDataSource.setting("jdbc:h2:mem:x", "db.url", CONFIG));
  }

  @Test
  void aMissingOrUnresolvedValueIsReadFromConfiguration() {
    // WildFly passes no url, and the user as the literal placeholder.
    assertEquals("jdbc:postgresql://db:5432/identity", RoutingDataSource.setting(null, "db.url", CONFIG));
    assertEquals("identity", RoutingDataSource.setting("${MPCONFIG=db.user}", "db.user", CONFIG));
    assertNull(RoutingDataSource.setting("", "db.password", CONFIG));
  }

  @Test
  void aPostgresqlUrlGivesThePostgresqlDriversDataSource() throws SQLException {
    DataSource ds =
        RoutingDataSource.open("jdbc:postgresql://db:5432/identity", "u", "p", getClass().getClassLoader());
    PGSimpleDataSource pg = assertInstanceOf(PGSimpleDataSource.class, ds);
    assertEquals("identity", pg.getDatabaseName());
    assertEquals("u", pg.getUser());
  }

  @Test
  void anH2UrlWorksWhereTheServerProvidesH2() throws SQLException {
    DataSource ds = RoutingDataSource.open("jdbc:h2:mem:routing", "sa", null, getClass().getClassLoader());
    try (Connection c = ds.getConnection()) {
      assertTrue(c.getMetaData().getDatabaseProductName().contains("H2"));
    }
  }

  @Test
  void anH2UrlWithoutH2SaysToConfigurePostgresql() {
    ClassLoader withoutH2 = new ClassLoader(null) {}; // the JDK's classes only, like WildFly's view of the WAR
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> RoutingDataSource.open("jdbc:h2:file:~/.idforge/identity", "sa", "", withoutH2));
    assertTrue(e.getMessage().contains("Set DB_URL to jdbc:postgresql://host:5432/db"), e::getMessage);
  }

  @Test
  void anotherUrlOrNoneIsRefusedWithTheKeyToSet() {
    ClassLoader loader = getClass().getClassLoader();
    assertTrue(
        assertThrows(SQLException.class, () -> RoutingDataSource.open("jdbc:mysql://x/y", "u", "p", loader))
            .getMessage()
            .contains("must be a jdbc:postgresql: or jdbc:h2: URL"));
    assertTrue(
        assertThrows(SQLException.class, () -> RoutingDataSource.open(null, "u", "p", loader))
            .getMessage()
            .contains("db.url (DB_URL) is not configured"));
  }
}
