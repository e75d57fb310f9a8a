package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.FlowService;
import io.idforge.identity.core.application.console.ConsoleFlows;
import io.idforge.identity.core.application.console.ConsoleInsights;
import io.idforge.identity.core.application.console.ConsoleInsights.Dashboard;
import io.idforge.identity.core.application.console.DashboardFigures;
import io.idforge.identity.core.application.console.DashboardFigures.Day;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.IdentityException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The start page: for an operator the tenant chooser; for a tenant the dashboard of a range of
 * UTC days (a bookmarkable GET form: {@code from}, {@code to}, {@code flow}; default the last 30
 * days and the newest flow), computed by {@link ConsoleInsights}.
 */
@Named
@RequestScoped
public class DashboardBacking {

  static final Pattern CLIENT_ID = Pattern.compile("TCI[0-9a-f]{32}");

  @Inject ConsoleContext console;

  @Inject ConsoleInsights insights;

  @Inject ConsoleFlows flows;

  @Inject AdminMessages messages;

  private String tenant;
  private String from;
  private String to;
  private String flow;

  private Dashboard dashboard;
  private boolean loaded;
  private StatusChart chart;

  /** Operators only (the session refuses others): look at one tenant. */
  public void choose() throws IOException {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    if (tenant != null && CLIENT_ID.matcher(tenant.trim()).matches()) {
      console.session().choose(tenant.trim());
    }
    ext.redirect(ext.getRequestContextPath() + "/admin/index.xhtml");
  }

  /** f:viewAction: computes the figures before the page renders its messages. */
  public void load() {
    getDashboard();
  }

  /** The figures, or null when no tenant is chosen or the range was refused (a message says why). */
  public Dashboard getDashboard() {
    if (!loaded) {
      loaded = true;
      if (console.getClientId() != null) {
        try {
          dashboard = insights.dashboard(console.actor(), date(from, "from"), date(to, "to"), blank(flow));
        } catch (IdentityException e) {
          error(null, messages.text("dashboard.refused") + " " + e.getMessage());
        } catch (BadDate e) {
          // The message is on the field already.
        }
      }
    }
    return dashboard;
  }

  public StatusChart getChart() {
    if (chart == null && getDashboard() != null) {
      chart = new StatusChart(dashboard.days());
    }
    return chart;
  }

  /** The tenant's flows for the funnel's chooser. */
  public List<FlowService.FlowView> getFlows() {
    return console.getClientId() == null ? List.of() : flows.list(console.actor());
  }

  public String getMedian() {
    Dashboard d = getDashboard();
    return d == null || d.medianToFinish().isEmpty() ? "—" : DashboardFigures.format(d.medianToFinish().get());
  }

  public String getOldestReview() {
    Dashboard d = getDashboard();
    return d == null || d.oldestReviewAge().isEmpty() ? "—" : DashboardFigures.format(d.oldestReviewAge().get());
  }

  public long getTotal() {
    Dashboard d = getDashboard();
    return d == null ? 0 : d.days().stream().mapToLong(Day::total).sum();
  }

  public long total(ProcessStatus status) {
    Dashboard d = getDashboard();
    return d == null ? 0 : d.days().stream().mapToLong(day -> day.count(status)).sum();
  }

  public ProcessStatus[] getStatuses() {
    return ProcessStatus.values();
  }

  /** A chart's text alternative: the range and the totals by status. */
  public String getChartDescription() {
    Dashboard d = getDashboard();
    if (d == null) {
      return "";
    }
    return String.format(messages.text("dashboard.chartDesc"), d.from(), d.to(), getTotal(),
        total(ProcessStatus.SUCCESS), total(ProcessStatus.FAILURE), total(ProcessStatus.PENDING));
  }

  private LocalDate date(String value, String field) {
    String v = blank(value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      error(field, messages.text("dashboard.badDate"));
      throw new BadDate();
    }
  }

  private static void error(String field, String text) {
    FacesContext.getCurrentInstance().addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** An unreadable date in the URL: refused with a field message, no figures. */
  private static final class BadDate extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadDate() {
      super(null, null, false, false);
    }
  }

  public String getTenant() { return tenant; }
  public void setTenant(String tenant) { this.tenant = tenant; }
  public String getFrom() { return from; }
  public void setFrom(String from) { this.from = from; }
  public String getTo() { return to; }
  public void setTo(String to) { this.to = to; }
  public String getFlow() { return flow; }
  public void setFlow(String flow) { this.flow = flow; }

  /** The figures' range as shown in the form (the defaults when the URL had none). */
  public String getFromValue() {
    return getDashboard() == null ? from : dashboard.from().toString();
  }

  public String getToValue() {
    return getDashboard() == null ? to : dashboard.to().toString();
  }

  public String getFunnelFlowId() {
    return getDashboard() == null ? flow : dashboard.funnel().map(ConsoleInsights.FunnelFlow::flowId).orElse(null);
  }

}
