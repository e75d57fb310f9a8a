package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.AuditTrail;
import io.idforge.identity.core.domain.audit.AuditEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The audit trail for auditors (and admins, operators): filter by actor, action and dates (a GET
 * form), export the same selection as CSV ({@link AuditCsvServlet}), and verify the chain.
 */
@Named
@RequestScoped
public class AuditBacking {

  static final int LIMIT = 500;

  @Inject ConsoleContext console;

  @Inject AuditTrail audit;

  private String actor;
  private String action;
  private String from;
  private String to;
  private List<AuditEntry> entries;
  private AuditTrail.Verification verification;

  public List<AuditEntry> getEntries() {
    if (entries == null) {
      entries = audit.list(console.actor(), actor, action, day(from, 0), day(to, 1), LIMIT);
    }
    return entries;
  }

  public void verify() {
    verification = audit.verify();
  }

  public AuditTrail.Verification getVerification() {
    return verification;
  }

  static OffsetDateTime day(String value, int plusDays) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public String getActor() { return actor; }
  public void setActor(String actor) { this.actor = actor; }
  public String getAction() { return action; }
  public void setAction(String action) { this.action = action; }
  public String getFrom() { return from; }
  public void setFrom(String from) { this.from = from; }
  public String getTo() { return to; }
  public void setTo(String to) { this.to = to; }
}
