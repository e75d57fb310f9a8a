package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.ConsoleWebTokens;
import io.idforge.identity.core.domain.shared.IdentityException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The web integration tokens of the tenant (never the tokens themselves), with revoke. */
@Named
@RequestScoped
public class TokensBacking {

  @Inject ConsoleContext console;

  @Inject ConsoleWebTokens tokens;

  @Inject AdminMessages messages;

  private List<ConsoleWebTokens.Row> list;

  public List<ConsoleWebTokens.Row> getList() {
    if (list == null) {
      list = console.getClientId() == null ? List.of() : tokens.list(console.actor());
    }
    return list;
  }

  public void revoke(String jti) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      tokens.revoke(console.actor(), jti);
      list = null;
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, messages.text("tokens.revokedDone"), null));
    } catch (IdentityException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("users.refused") + " " + e.getMessage(), null));
    }
  }
}
