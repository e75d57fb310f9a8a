package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.FlowService.FlowView;
import io.idforge.identity.core.application.console.ConsoleFlows;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.FlowVersion;
import io.idforge.identity.core.domain.shared.IdentityException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tenant's flows ({@code flows.xhtml}) and one flow with its versions ({@code
 * flow.xhtml?id=IPF…&version=n}, read-only; admins may disable it). Another tenant's flow id is
 * answered 404 like an unknown one.
 */
@Named
@RequestScoped
public class FlowsBacking {

  static final Pattern FLOW_ID = Pattern.compile("IPF[0-9a-f]{32}");

  @Inject ConsoleContext console;

  @Inject ConsoleFlows flows;

  @Inject AdminMessages messages;

  private String id;
  private Integer version;
  private List<FlowView> list;
  private FlowView current;
  private FlowVersion shown;
  private List<FlowVersion> versions;
  private boolean loaded;

  public List<FlowView> getList() {
    if (list == null) {
      list = console.getClientId() == null ? List.of() : flows.list(console.actor());
    }
    return list;
  }

  /** f:viewAction of the detail page. */
  public void load() {
    if (getShown() == null) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private void ensureLoaded() {
    if (loaded) {
      return;
    }
    loaded = true;
    if (id == null) {
      id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }
    if (id == null || !FLOW_ID.matcher(id).matches() || console.getClientId() == null) {
      return;
    }
    try {
      current = flows.get(console.actor(), id);
      shown = version == null ? current.version() : flows.version(console.actor(), id, version);
      versions = flows.versions(console.actor(), id);
    } catch (NotFoundException e) {
      current = null;
      shown = null;
    }
  }

  /** Admins: disables the flow (a new version); audited. */
  public void disable() throws IOException {
    ensureLoaded();
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      flows.disable(console.actor(), id);
      faces.getExternalContext().getFlash().setKeepMessages(true);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, messages.text("flows.disabledDone"), null));
      ExternalContext ext = faces.getExternalContext();
      ext.redirect(ext.getRequestContextPath() + "/admin/flow.xhtml?id=" + id);
    } catch (IdentityException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("users.refused") + " " + e.getMessage(), null));
    }
  }

  /** "email-verification > document-validation" */
  public String steps(List<FlowStep> steps) {
    return String.join(" › ", steps.stream().map(s -> s.type().wireValue()).toList());
  }

  public String stepsOf(FlowView f) {
    return steps(f.version().definition().steps());
  }

  public FlowView getCurrent() {
    ensureLoaded();
    return current;
  }

  public FlowVersion getShown() {
    ensureLoaded();
    return shown;
  }

  public List<FlowVersion> getVersions() {
    ensureLoaded();
    return versions == null ? List.of() : versions;
  }

  public String getId() { return id; }
  public void setId(String id) { this.id = id; }
  public Integer getVersion() { return version; }
  public void setVersion(Integer version) { this.version = version; }
}
