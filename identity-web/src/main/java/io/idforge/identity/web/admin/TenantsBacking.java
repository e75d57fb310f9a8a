package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.ConsoleTenants;
import io.idforge.identity.core.domain.shared.IdentityException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Operators: the tenants with their admins, and a new tenant with its first admin. The new backend
 * key and the admin's one-time link are shown on this response only.
 */
@Named
@RequestScoped
public class TenantsBacking {

  @Inject ConsoleContext console;

  @Inject ConsoleTenants tenants;

  @Inject AdminMessages messages;

  private String name;
  private String admin;
  private ConsoleTenants.NewTenant created;
  private String inviteLink;
  private List<ConsoleTenants.TenantRow> list;

  public List<ConsoleTenants.TenantRow> getList() {
    if (list == null) {
      list = tenants.list(console.actor());
    }
    return list;
  }

  public void create() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      created = tenants.create(console.actor(), name, admin);
      ExternalContext ext = faces.getExternalContext();
      inviteLink = ext.getRequestScheme() + "://" + ext.getRequestServerName() + ":" + ext.getRequestServerPort()
          + ext.getRequestContextPath() + "/admin/setup.xhtml?token=" + created.adminInvite().token();
      name = null;
      admin = null;
      list = null;
    } catch (IdentityException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("users.refused") + " " + e.getMessage(), null));
    }
  }

  public ConsoleTenants.NewTenant getCreated() { return created; }
  public String getInviteLink() { return inviteLink; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getAdmin() { return admin; }
  public void setAdmin(String admin) { this.admin = admin; }
}
