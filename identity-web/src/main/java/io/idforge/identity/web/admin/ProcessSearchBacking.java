package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.application.console.ConsoleProcesses;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Process search: a GET form (bookmarkable, no view state) over the list API's filters plus a
 * date range, declined reason, account id and document number, 50 rows a page with the API's cursor. Unparseable
 * values are ignored rather than refused: it is a search box, not an API.
 */
@Named
@RequestScoped
public class ProcessSearchBacking {

  static final int PAGE_SIZE = 50;

  @Inject ConsoleContext console;

  @Inject ConsoleProcesses processes;

  private String status;
  private String failureStatus;
  private String declinedReason;
  private String from;
  private String to;
  private String account;
  private String document;
  private String startKey;

  private Page<ProcessView> page;

  public Page<ProcessView> getPage() {
    if (page == null) {
      ProcessQuery query = new ProcessQuery(
          ProcessStatus.fromWire(blank(status)).orElse(null),
          FailureStatus.fromWire(blank(failureStatus)).orElse(null),
          blank(declinedReason) == null ? List.of() : List.of(declinedReason.trim()),
          date(from, 0), date(to, 1), blank(account), null);
      page = processes.search(console.actor(), query, blank(document), blank(startKey), PAGE_SIZE);
    }
    return page;
  }

  public boolean isTenantChosen() {
    return console.getClientId() != null;
  }

  /** Start of the day (UTC) of {@code yyyy-MM-dd}, plus {@code plusDays} for an exclusive end. */
  private static OffsetDateTime date(String value, int plusDays) {
    if (blank(value) == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getFailureStatus() { return failureStatus; }
  public void setFailureStatus(String failureStatus) { this.failureStatus = failureStatus; }
  public String getDeclinedReason() { return declinedReason; }
  public void setDeclinedReason(String declinedReason) { this.declinedReason = declinedReason; }
  public String getFrom() { return from; }
  public void setFrom(String from) { this.from = from; }
  public String getTo() { return to; }
  public void setTo(String to) { this.to = to; }
  public String getAccount() { return account; }
  public void setAccount(String account) { this.account = account; }
  public String getDocument() { return document; }
  /** Posted (never in the URL); a page read earlier in this request's lifecycle is read again. */
  public void setDocument(String document) {
    this.document = document;
    page = null;
  }
  public String getStartKey() { return startKey; }
  public void setStartKey(String startKey) { this.startKey = startKey; }
}
