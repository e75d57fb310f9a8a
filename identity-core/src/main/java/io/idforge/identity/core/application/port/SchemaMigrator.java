package io.idforge.identity.core.application.port;

/** Brings the database schema up to date; implemented by the persistence module with Flyway. */
public interface SchemaMigrator {

  /** Applies pending migrations; must run outside any JTA transaction (DDL). */
  void migrate();
}
