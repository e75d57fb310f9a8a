package io.idforge.identity.core.application.port;

/** Brings the database schema up to date; implemented by the persistence module with Flyway. */
public interface SchemaMigrator {

  /** Applies pending migrations; must run outside any JTA transaction (DDL). */
  void migrate();

  /**
   * The schema as the database has it now (one round trip): the readiness check asks this, so
   * a database that is unreachable, or a schema behind the deployed code, takes the instance out
   * of rotation.
   *
   * @throws RuntimeException when the database cannot be reached
   */
  SchemaStatus status();

  /**
   * @param version the latest applied migration version, or {@code null} on an empty schema
   * @param pending migrations the deployed code has that the database has not applied
   * @param failed applied migrations recorded as failed
   */
  record SchemaStatus(String version, int pending, int failed) {

    /** Up to date: nothing pending, nothing failed, something applied. */
    public boolean isCurrent() {
      return version != null && pending == 0 && failed == 0;
    }
  }
}
