package io.idforge.identity.web.admin;

import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.core.application.console.ConsoleUserService;
import io.idforge.identity.core.application.console.SignInResult;
import io.idforge.identity.web.admin.security.ConsoleSession;
import io.idforge.identity.web.admin.security.ReturnPath;
import io.idforge.identity.web.admin.security.SignInThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The sign-in form. On success the session id changes (no fixation), the session idles out after
 * {@link ConsoleSession#IDLE_SECONDS} and the user lands on the page they came from ({@code back},
 * after a session timeout) or the dashboard; every failure shows the same message, so the page
 * tells nobody whether a name exists or is locked. An address with too many failures is refused
 * before any password is checked ({@link SignInThrottle}).
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject ConsoleUserService users;

  /** The caller's address, also behind a proxy (identity.rate-limits.client-ip-header). */
  @Inject ClientAddress clientAddress;

  @Inject AdminMessages messages;

  @Inject SignInThrottle throttle;

  private String username;
  private String back;
  private String password;

  public void signIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ext.getRequest();
    char[] secret = password == null ? new char[0] : password.toCharArray();
    password = null;
    String ip = clientAddress.of(request);
    Optional<Duration> wait = throttle.blocked(ip);
    if (wait.isPresent()) {
      // Refused before the password is checked: the same answer for every account from here.
      long minutes = Math.max(1, (wait.get().getSeconds() + 59) / 60);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
          String.format(messages.text("login.throttled"), minutes), null));
      return;
    }
    SignInResult result = users.signIn(username, secret, ip);
    if (!result.ok()) {
      throttle.failed(ip);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("login.failed"), null));
      return;
    }
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setMaxInactiveInterval(ConsoleSession.IDLE_SECONDS);
    session.setAttribute(ConsoleSession.ATTRIBUTE, new ConsoleSession(result.username(), result.clientId(), result.roles()));
    ext.redirect(ext.getRequestContextPath() + ReturnPath.safe(back).orElse("/admin/index.xhtml"));
  }

  /** The console page to return to after signing in (kept only if it is one: {@link ReturnPath}). */
  public String getBack() {
    return ReturnPath.safe(back).orElse(null);
  }

  public void setBack(String back) {
    this.back = back;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return null; // never rendered back
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
