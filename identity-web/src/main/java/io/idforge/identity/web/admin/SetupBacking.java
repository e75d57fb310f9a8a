package io.idforge.identity.web.admin;

import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.core.application.console.ConsoleUserService;
import io.idforge.identity.core.domain.shared.IdentityException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;

/**
 * The page behind a one-time link (first operator, invited users): choose a password. The token
 * stays in the view on the server; the form never carries it.
 */
@Named
@ViewScoped
public class SetupBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ConsoleUserService users;

  /** The caller's address, also behind a proxy (identity.rate-limits.client-ip-header). */
  @Inject transient ClientAddress clientAddress;

  @Inject transient AdminMessages messages;

  private String token;
  private String username;
  private String password;
  private String repeat;

  /** f:viewAction: resolves the link once. */
  public void load() {
    username = users.setupUser(token).orElse(null);
  }

  public void save() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    if (password == null || !password.equals(repeat)) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("setup.mismatch"), null));
      return;
    }
    try {
      users.choosePassword(token, password.toCharArray(), clientAddress.of((HttpServletRequest) ext.getRequest()));
    } catch (IdentityException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("setup.refused"), null));
      return;
    } finally {
      password = null;
      repeat = null;
    }
    ext.redirect(ext.getRequestContextPath() + "/admin/login.xhtml?ready=1");
  }

  public boolean isValid() {
    return username != null;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getUsername() {
    return username;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeat() {
    return null;
  }

  public void setRepeat(String repeat) {
    this.repeat = repeat;
  }
}
