package io.idforge.identity.web.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The datasource class behind {@code java:app/jdbc/identity}: PostgreSQL when {@code db.url} is a
 * PostgreSQL URL, otherwise the embedded H2 that Payara Micro ships. One class for both because a
 * {@code @DataSourceDefinition} names its class at compile time while the URL comes from
 * configuration at run time.
 *
 * <p>Where the settings come from: Payara resolves the annotation's {@code ${MPCONFIG=db.url}}
 * placeholders and sets the bean properties below; WildFly never passes {@code url} to the class
 * and does not understand the placeholders. So a property that was not set, or arrives as an
 * unresolved {@code ${...}}, is read here from MicroProfile Config ({@code db.url}, {@code
 * db.user}, {@code db.password}, overridden by {@code DB_URL}, {@code DB_USER}, {@code
 * DB_PASSWORD}): the same keys, whichever server runs the WAR.
 */
public class RoutingDataSource implements DataSource {

  static final String H2_DATA_SOURCE = "org.h2.jdbcx.JdbcDataSource";

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

  private DataSource delegate() throws SQLException {
    DataSource d = delegate;
    if (d == null) {
      Function<String, String> config = RoutingDataSource::configured;
      d =
          open(
              setting(url, "db.url", config),
              setting(user, "db.user", config),
              setting(password, "db.password", config),
              RoutingDataSource.class.getClassLoader());
      delegate = d;
    }
    return d;
  }

  /** The value the server set, unless it is missing or an unresolved placeholder: then configuration's. */
  static String setting(String fromServer, String key, Function<String, String> config) {
    if (fromServer != null && !fromServer.isBlank() && !isPlaceholder(fromServer)) {
      return fromServer;
    }
    return config.apply(key);
  }

  static boolean isPlaceholder(String value) {
    return value != null && value.startsWith("${");
  }

  /**
   * The WAR's configuration (its class loader's), not the thread's: a connection pool may open
   * connections from a server thread whose context class loader is not the application's.
   */
  private static String configured(String key) {
    return ConfigProvider.getConfig(RoutingDataSource.class.getClassLoader())
        .getOptionalValue(key, String.class)
        .orElse(null);
  }

  /** The driver's datasource for the URL; H2 only where the server provides it (Payara does). */
  static DataSource open(String url, String user, String password, ClassLoader loader) throws SQLException {
    if (url == null || url.isBlank()) {
      throw new SQLException("db.url (DB_URL) is not configured");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setUrl(url);
      pg.setUser(user);
      pg.setPassword(password);
      return pg;
    }
    if (url.startsWith("jdbc:h2:")) {
      if (!isPresent(H2_DATA_SOURCE, loader)) {
        throw new SQLException(
            "db.url is an H2 URL (the embedded default), but this server does not provide H2 to"
                + " applications: Payara Micro ships it, WildFly does not. Set DB_URL to"
                + " jdbc:postgresql://host:5432/db, with DB_USER and DB_PASSWORD (README, \"Deploying"
                + " on WildFly\").");
      }
      return H2.open(url, user, password);
    }
    throw new SQLException("db.url (DB_URL) must be a jdbc:postgresql: or jdbc:h2: URL");
  }

  private static boolean isPresent(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The only code that names H2's classes, in a class of its own: it is linked only when an H2 URL
   * is used and H2 is present, so RoutingDataSource itself loads on servers without H2.
   */
  private static final class H2 {
    static DataSource open(String url, String user, String password) {
      org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user);
      h2.setPassword(password == null ? "" : password);
      return h2;
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  /**
   * A pool that holds the annotation's unresolved {@code ${MPCONFIG=...}} user and password as its
   * credentials (WildFly) gets a connection with the configured ones instead.
   */
  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    if (username == null || isPlaceholder(username)) {
      return delegate().getConnection();
    }
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
