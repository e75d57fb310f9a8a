package io.idforge.identity.web.admin.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import io.idforge.identity.core.application.console.ConsoleUserService;
import io.idforge.identity.core.application.console.SignInResult;
import io.idforge.identity.web.admin.security.ConsoleSession;
import io.idforge.identity.web.admin.security.ReturnPath;
import io.idforge.identity.web.admin.security.SignInThrottle;
import io.idforge.identity.web.ratelimit.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The two steps of a console sign-in through the enterprise's OpenID provider.
 * {@code GET /admin/oidc/start[?back=…]} keeps a fresh {@link OidcAttempt} in the session and
 * sends the browser to the provider; {@code GET /admin/oidc/callback?code=…&state=…} takes the
 * attempt out of the session (one use), checks the state, redeems the code with the PKCE verifier,
 * verifies the id_token ({@link IdTokenVerifier}) and signs in the console user the configured
 * claim names, if one exists and is enabled. Success ends like a password sign-in (new session id,
 * idle timeout, {@link ConsoleSession}); any failure leaves no console session and lands on the
 * sign-in page with one message for every cause, while the audit trail records the cause. Open in
 * web.xml (the user has no session yet); 404 when OpenID Connect is not configured.
 */
@WebServlet("/admin/oidc/*")
public class OidcSignInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(OidcSignInServlet.class.getName());

  @Inject transient OidcSettings settings;

  @Inject transient OidcProviderClient provider;

  @Inject transient ConsoleUserService users;

  @Inject transient ClientAddress clientAddress;

  @Inject transient SignInThrottle throttle;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!settings.isEnabled()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    String step = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (step) {
      case "/start" -> start(request, response);
      case "/callback" -> callback(request, response);
      default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
    OidcAttempt attempt = OidcAttempt.start(ReturnPath.safe(request.getParameter("back")).orElse(null), Instant.now());
    String target;
    try {
      target = provider.authorizationUrl(provider.discover(), attempt);
    } catch (OidcRefusal e) {
      refuse(request, response, e.getMessage());
      return;
    }
    request.getSession(true).setAttribute(OidcAttempt.ATTRIBUTE, attempt);
    response.sendRedirect(target);
  }

  private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String ip = clientAddress.of(request);
    if (throttle.blocked(ip).isPresent()) {
      failed(request, response); // refused before anything is checked, like the password form
      return;
    }
    HttpSession session = request.getSession(false);
    OidcAttempt attempt = session == null ? null : (OidcAttempt) session.getAttribute(OidcAttempt.ATTRIBUTE);
    if (session != null) {
      session.removeAttribute(OidcAttempt.ATTRIBUTE); // one answer per attempt, whatever it says
    }
    String code = request.getParameter("code");
    try {
      if (attempt == null || !attempt.matches(request.getParameter("state"), Instant.now())) {
        throw new OidcRefusal("state missing, wrong or older than 10 minutes");
      }
      if (request.getParameter("error") != null || code == null || code.isBlank()) {
        throw new OidcRefusal("provider returned no code (" + safe(request.getParameter("error")) + ")");
      }
      OidcProviderClient.Endpoints endpoints = provider.discover();
      String idToken = provider.redeem(endpoints, code, attempt);
      JWTClaimsSet claims = new IdTokenVerifier(settings.issuer(), settings.clientId())
          .verify(idToken, provider.keys(endpoints), attempt.nonce());
      if ("email".equals(settings.userClaim()) && Boolean.FALSE.equals(claims.getClaim("email_verified"))) {
        throw new OidcRefusal("the provider marks the e-mail address unverified");
      }
      Object name = claims.getClaim(settings.userClaim());
      if (!(name instanceof String userName) || userName.isBlank()) {
        throw new OidcRefusal("id_token lacks the claim " + settings.userClaim());
      }
      SignInResult result = users.signInExternal(userName, settings.getDisplayName(), ip);
      if (!result.ok()) {
        throttle.failed(ip);
        failed(request, response);
        return;
      }
      signedIn(request, response, result, attempt.back());
    } catch (OidcRefusal e) {
      users.externalSignInRefused(settings.getDisplayName(), e.getMessage(), ip);
      throttle.failed(ip);
      LOG.log(Level.INFO, "console OpenID Connect sign-in refused: {0}", e.getMessage());
      failed(request, response);
    }
  }

  private static void signedIn(HttpServletRequest request, HttpServletResponse response, SignInResult result, String back)
      throws IOException {
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setMaxInactiveInterval(ConsoleSession.IDLE_SECONDS);
    session.setAttribute(ConsoleSession.ATTRIBUTE, new ConsoleSession(result.username(), result.clientId(), result.roles()));
    response.sendRedirect(request.getContextPath() + (back == null ? "/admin/index.xhtml" : back));
  }

  private static void failed(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.sendRedirect(request.getContextPath() + "/admin/login.xhtml?oidc=failed");
  }

  /** Discovery failed before the user left: the sign-in page says so, the log names the cause. */
  private void refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
    LOG.log(Level.WARNING, "console OpenID Connect sign-in could not start: {0}", why);
    failed(request, response);
  }

  /** The provider's error code if it looks like one (RFC 6749 error codes are short ASCII words). */
  private static String safe(String error) {
    return error != null && error.matches("[a-z_]{1,40}") ? error : "no error code";
  }
}
