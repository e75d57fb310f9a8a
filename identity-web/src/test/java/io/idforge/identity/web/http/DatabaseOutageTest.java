package io.idforge.identity.web.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are a database outage (503, retry) and which are bugs (500). */
class DatabaseOutageTest {

  @Test
  void poolAllocationFailuresAreOutages() {
    SQLException allocating = new SQLException("Error in allocating a connection");
    allocating.initCause(new ResourceAllocationException("Connection refused"));
    assertTrue(DatabaseOutage.isCauseOf(new EJBException(new PersistenceException(allocating))));
  }

  @Test
  void connectionSqlStatesAreOutages() {
    assertTrue(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException("refused", "08001"))));
    assertTrue(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException("closed", "08003"))));
    assertTrue(DatabaseOutage.isCauseOf(new SQLException("terminating connection", "57P01")));
    assertTrue(DatabaseOutage.isCauseOf(new SQLException("the database system is starting up", "57P03")));
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertFalse(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException("duplicate key", "23505"))));
    assertFalse(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException("syntax", "42601"))));
    assertFalse(DatabaseOutage.isCauseOf(new IllegalStateException("bug")));
  }
}
