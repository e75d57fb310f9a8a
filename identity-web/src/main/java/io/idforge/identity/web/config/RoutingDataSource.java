package io.idforge.identity.web.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The datasource class behind {@code java:app/jdbc/identity}: PostgreSQL when {@code db.url} is a
 * PostgreSQL URL, otherwise the embedded H2 that Payara Micro ships. One class for both because a
 * {@code @DataSourceDefinition} names its class at compile time while the URL comes from
 * configuration at run time. Payara's pool sets the bean properties below.
 */
public class RoutingDataSource implements DataSource {

  private String url;
  private String user;
  private String password;
  private volatile DataSource delegate;

  public void setUrl(String url) {
    this.url = url;
    this.delegate = null;
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = user;
    this.delegate = null;
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = password;
    this.delegate = null;
  }

  public String getPassword() {
    return password;
  }

  private DataSource delegate() {
    DataSource d = delegate;
    if (d == null) {
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("db.url is not configured");
      }
      if (url.startsWith("jdbc:postgresql:")) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(url);
        pg.setUser(user);
        pg.setPassword(password);
        d = pg;
      } else if (url.startsWith("jdbc:h2:")) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser(user);
        h2.setPassword(password == null ? "" : password);
        d = h2;
      } else {
        throw new IllegalStateException("db.url must be a jdbc:postgresql: or jdbc:h2: URL");
      }
      delegate = d;
    }
    return d;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    return delegate().getConnection(username, pass);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
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
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate().isWrapperFor(iface);
  }
}
