package io.idforge.identity.persistence.migration;

import io.idforge.identity.core.application.port.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations in {@code db/migration} (portable SQL for PostgreSQL and H2).
 * Flyway takes a database lock, so instances starting together migrate once.
 */
@ApplicationScoped
public class FlywaySchemaMigrator implements SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(FlywaySchemaMigrator.class.getName());

  @Resource(lookup = "java:app/jdbc/identity")
  DataSource dataSource;

  /** Configured once the vendor is known (on the first migrate or status). */
  private volatile Flyway flyway;

  @Override
  public void migrate() {
    String vendor = vendor();
    MigrateResult result = flyway(vendor).migrate();
    LOG.info(
        () -> vendor + " database schema at version " + result.targetSchemaVersion + " ("
            + result.migrationsExecuted + " migration(s) applied)");
  }

  @Override
  public SchemaStatus status() {
    Flyway f = flyway == null ? flyway(vendor()) : flyway;
    MigrationInfoService info = f.info();
    MigrationInfo current = info.current();
    int failed = 0;
    for (MigrationInfo applied : info.applied()) {
      if (applied.getState().isFailed()) {
        failed++;
      }
    }
    return new SchemaStatus(
        current == null || current.getVersion() == null ? null : current.getVersion().getVersion(),
        info.pending().length,
        failed);
  }

  private Flyway flyway(String vendor) {
    Flyway f =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            // Portable scripts, plus per-database ones where types differ (BYTEA vs BLOB).
            .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
            .load();
    flyway = f;
    return f;
  }

  /** {@code postgresql} or {@code h2}: the folder of the database-specific scripts. */
  private String vendor() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return "postgresql";
      }
      if (product.contains("h2")) {
        return "h2";
      }
      throw new IllegalStateException("unsupported database: " + product + " (use PostgreSQL or the embedded H2)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to migrate it", e);
    }
  }
}
