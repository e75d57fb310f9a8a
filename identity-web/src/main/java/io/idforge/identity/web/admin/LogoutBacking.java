package io.idforge.identity.web.admin;

import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.core.application.console.ConsoleUserService;
import io.idforge.identity.web.admin.security.ConsoleSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Signs out: audited, then the whole session (and the views in it) is thrown away. */
@Named
@RequestScoped
public class LogoutBacking {

  @Inject ConsoleUserService users;

  /** The caller's address, also behind a proxy (identity.rate-limits.client-ip-header). */
  @Inject ClientAddress clientAddress;

  public void signOut() throws IOException {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ext.getRequest();
    ConsoleSession.of(request).ifPresent(s -> users.signedOut(s.actor(clientAddress.of(request))));
    ext.invalidateSession();
    ext.redirect(ext.getRequestContextPath() + "/admin/login.xhtml?signed_out=1");
  }
}
