package io.idforge.identity.persistence.migration;

import io.idforge.identity.core.application.port.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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

  @Override
  public void migrate() {
    MigrateResult result =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () -> "database schema at version " + result.targetSchemaVersion + " ("
            + result.migrationsExecuted + " migration(s) applied)");
  }
}
