package io.idforge.identity.web.admin;

import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.core.application.console.ConsoleActor;
import io.idforge.identity.web.admin.security.ConsoleSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in user of this request as the services want it ({@link ConsoleActor}), and what the
 * template shows (name, roles, tenant). Pages under {@code /admin} are never reached without a
 * session (web.xml), so a missing one here is a programming error.
 */
@Named("console")
@RequestScoped
public class ConsoleContext {

  @Inject HttpServletRequest request;

  /** The caller's address, also behind a proxy (identity.rate-limits.client-ip-header). */
  @Inject ClientAddress clientAddress;

  public ConsoleSession session() {
    return ConsoleSession.of(request).orElseThrow(() -> new IllegalStateException("no console session"));
  }

  public boolean isSignedIn() {
    return ConsoleSession.of(request).isPresent();
  }

  public ConsoleActor actor() {
    return session().actor(clientAddress.of(request));
  }

  public String getUsername() {
    return ConsoleSession.of(request).map(ConsoleSession::username).orElse("");
  }

  public String getClientId() {
    return ConsoleSession.of(request).map(ConsoleSession::clientId).orElse(null);
  }

  public boolean isOperator() {
    return ConsoleSession.of(request).map(ConsoleSession::isOperator).orElse(false);
  }

  /** Role checks for showing navigation; the constraints and services enforce them. */
  public boolean hasRole(String group) {
    return request.isUserInRole(group);
  }

  public boolean isAdmin() {
    return hasRole("admin") || hasRole("operator");
  }

  public boolean isReviewer() {
    return hasRole("reviewer") || isAdmin();
  }

  public boolean isAuditor() {
    return hasRole("auditor") || isAdmin();
  }

  public String getRemoteAddr() {
    return clientAddress.of(request);
  }
}
