package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.ConsoleUserService;
import io.idforge.identity.core.application.console.SetupLink;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.console.ConsoleUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The tenant's console users: invite (the one-time link is shown once, on this response only),
 * list, disable. Admins manage their tenant; operators the tenant they have chosen.
 */
@Named
@RequestScoped
public class UsersBacking {

  @Inject ConsoleContext console;

  @Inject ConsoleUserService users;

  @Inject AdminMessages messages;

  private String username;
  private boolean admin;
  private boolean reviewer;
  private boolean auditor;
  private String inviteLink;
  private List<ConsoleUser> list;

  public List<ConsoleUser> getList() {
    if (list == null) {
      list = console.getClientId() == null ? List.of() : users.list(console.actor());
    }
    return list;
  }

  public void invite() {
    Set<ConsoleRole> roles = EnumSet.noneOf(ConsoleRole.class);
    if (admin) {
      roles.add(ConsoleRole.ADMIN);
    }
    if (reviewer) {
      roles.add(ConsoleRole.REVIEWER);
    }
    if (auditor) {
      roles.add(ConsoleRole.AUDITOR);
    }
    messages.attempt(() -> {
      SetupLink link = users.invite(console.actor(), username, roles);
      ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
      inviteLink = ext.getRequestScheme() + "://" + ext.getRequestServerName() + ":" + ext.getRequestServerPort()
          + ext.getRequestContextPath() + "/admin/setup.xhtml?token=" + link.token();
      username = null;
      list = null;
    });
  }

  public void disable(String name) {
    if (messages.attempt(() -> users.disable(console.actor(), name))) {
      list = null;
    }
  }

  public String getInviteLink() { return inviteLink; }
  public String getUsername() { return username; }
  public void setUsername(String username) { this.username = username; }
  public boolean isAdmin() { return admin; }
  public void setAdmin(boolean admin) { this.admin = admin; }
  public boolean isReviewer() { return reviewer; }
  public void setReviewer(boolean reviewer) { this.reviewer = reviewer; }
  public boolean isAuditor() { return auditor; }
  public void setAuditor(boolean auditor) { this.auditor = auditor; }
}
