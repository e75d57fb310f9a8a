package io.idforge.identity.web.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Jakarta Security's mechanism for the console, a form sign-in kept in the session. The password
 * is checked by {@code ConsoleUserService} (the database identity store with PBKDF2 hashes and
 * lock-out) when the sign-in page posts; that page then puts a {@link ConsoleSession} in a fresh
 * session. Here, on every request under {@code /admin/}, the session's user and roles are handed to
 * the container, so {@code web.xml}'s role constraints apply; a protected page without a session
 * redirects to the sign-in page, which returns to the page after signing in.
 *
 * <p>Jakarta Security calls this for every request of the WAR: anything outside {@code /admin/}
 * (the REST API with its own {@code ApiKeyFilter}, the hosted flow) is left untouched.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

  public static final String SIGN_IN_PAGE = "/admin/login.xhtml";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/admin/")) {
      return context.doNothing();
    }
    Optional<ConsoleSession> session = ConsoleSession.of(request);
    if (session.isPresent()) {
      return context.notifyContainerAboutLogin(session.get().username(), session.get().groups());
    }
    if (context.isProtected()) {
      // A session id the server no longer knows: it timed out (or was discarded). The sign-in page
      // says so and brings the user back to the page afterwards.
      boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
      String id = "GET".equals(request.getMethod()) ? request.getParameter("id") : null;
      return context.redirect(ReturnPath.signInPage(request.getContextPath(), ReturnPath.of(path, id), expired));
    }
    return context.doNothing();
  }
}
