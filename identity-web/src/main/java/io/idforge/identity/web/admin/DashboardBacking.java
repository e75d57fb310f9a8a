package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.application.console.ConsoleProcesses;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The start page: for an operator the tenant chooser; for a tenant the number of its latest
 * processes by status.
 */
@Named
@RequestScoped
public class DashboardBacking {

  static final Pattern CLIENT_ID = Pattern.compile("TCI[0-9a-f]{32}");

  /** How many of the latest processes the counts look at. */
  static final int SAMPLE = 200;

  @Inject ConsoleContext console;

  @Inject ConsoleProcesses processes;

  private String tenant;

  private Map<ProcessStatus, Integer> counts;

  /** Operators only (the session refuses others): look at one tenant. */
  public void choose() throws IOException {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    if (tenant != null && CLIENT_ID.matcher(tenant.trim()).matches()) {
      console.session().choose(tenant.trim());
    }
    ext.redirect(ext.getRequestContextPath() + "/admin/index.xhtml");
  }

  public Map<ProcessStatus, Integer> getCounts() {
    if (counts == null) {
      counts = new EnumMap<>(ProcessStatus.class);
      if (console.getClientId() != null) {
        Page<ProcessView> page = processes.search(console.actor(), ProcessQuery.all(), null, SAMPLE);
        for (ProcessView v : page.items()) {
          counts.merge(v.process().status(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  public ProcessStatus[] getStatuses() {
    return ProcessStatus.values();
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }
}
