package io.idforge.identity.web.http;

import jakarta.ejb.EJBException;
import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;

/**
 * Recognises an unreachable database anywhere in an exception's cause chain: the pool could not
 * allocate a connection ({@link ResourceException}), or the driver reports a connection failure
 * (SQLState class {@code 08}, or PostgreSQL's {@code 57P01}-{@code 57P03} while it shuts down or
 * starts), or the transaction manager could not complete with the database ({@link
 * SystemException}, {@link XAException}: a transaction cut by the restart, rolled back). Such a
 * request is answered 503, which tells clients to retry, not 500: by the API (the error envelope)
 * and by the hosted pages (a "try again in a moment" page) alike.
 */
public final class DatabaseOutage {

  private static final int MAX_DEPTH = 32;

  private DatabaseOutage() {}

  public static boolean isCauseOf(Throwable thrown) {
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ResourceException
          || t instanceof SystemException
          || t instanceof XAException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      Throwable next =
          t instanceof EJBException ejb && ejb.getCausedByException() != null ? ejb.getCausedByException() : t.getCause();
      if (t instanceof SQLException sql && next == null) {
        next = sql.getNextException();
      }
      t = next == t ? null : next;
    }
    return false;
  }

  private static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
  }
}
