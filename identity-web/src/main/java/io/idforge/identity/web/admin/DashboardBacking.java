package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.application.console.ConsoleProcesses;
import io.idforge.identity.core.application.console.ConsoleReviews;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The start page: for an operator the tenant chooser; for a tenant its latest processes (up to
 * {@link #SAMPLE}) by status and their most frequent declined reasons, and the open reviews with
 * the age of the oldest.
 */
@Named
@RequestScoped
public class DashboardBacking {

  static final Pattern CLIENT_ID = Pattern.compile("TCI[0-9a-f]{32}");

  /** How many of the latest processes the counts look at. */
  static final int SAMPLE = 200;

  @Inject ConsoleContext console;

  @Inject ConsoleProcesses processes;

  @Inject ConsoleReviews reviews;

  private String tenant;

  private Map<ProcessStatus, Integer> counts;
  private Map<String, Integer> declined;
  private List<ReviewTask> open;

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
        declined = new TreeMap<>();
        for (ProcessView v : page.items()) {
          counts.merge(v.process().status(), 1, Integer::sum);
          if (v.process().declinedReason() != null) {
            declined.merge(v.process().declinedReason(), 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  /** Declined reasons among the latest processes, most frequent first (at most 5). */
  public List<Map.Entry<String, Integer>> getTopDeclined() {
    getCounts();
    if (declined == null) {
      return List.of();
    }
    return declined.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(5)
        .toList();
  }

  /** Open review tasks, oldest first (reviewers, admins, operators). */
  public List<ReviewTask> getOpenReviews() {
    if (open == null) {
      open = console.getClientId() == null || !console.isReviewer() ? List.of()
          : reviews.queue(console.actor(), null, SAMPLE).items();
    }
    return open;
  }

  /** Minutes the oldest open task has waited. */
  public long getOldestReviewMinutes() {
    return getOpenReviews().isEmpty() ? 0
        : Duration.between(getOpenReviews().get(0).createdAt(), OffsetDateTime.now()).toMinutes();
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
