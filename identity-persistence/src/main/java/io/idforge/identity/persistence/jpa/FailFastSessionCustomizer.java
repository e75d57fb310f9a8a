package io.idforge.identity.persistence.jpa;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Turns off EclipseLink's own recovery from a lost connection: by default it retries a failed
 * query three times with 5 s between attempts, so while the database was down every request hung
 * for 5-15 s before failing. The pool already validates connections before handing them out
 * (identity-web's datasource definition), so requests fail at once while the database is away
 * (503) and succeed as soon as it is back. Named in {@code persistence.xml}; EclipseLink only
 * (it has no persistence-unit property for these settings).
 */
public class FailFastSessionCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
