package io.idforge.identity.web.health;

import io.idforge.identity.core.application.port.SchemaMigrator.SchemaStatus;
import io.idforge.identity.core.application.port.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code database}: UP when the database answers and every migration the deployed code carries is
 * applied (none pending, none failed). Down otherwise, with the reason; the exception itself goes
 * to the log (it may name the host), never into the answer.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  static final String NAME = "database";

  private static final Logger LOG = Logger.getLogger(DatabaseHealthCheck.class.getName());

  @Inject SchemaMigrator schema;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME);
    SchemaStatus status;
    try {
      status = schema.status();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "readiness: the database cannot be reached", e);
      return b.down().withData("reachable", false).build();
    }
    b.withData("reachable", true)
        .withData("schema_version", String.valueOf(status.version()))
        .withData("pending_migrations", status.pending())
        .withData("failed_migrations", status.failed());
    return (status.isCurrent() ? b.up() : b.down()).build();
  }
}
