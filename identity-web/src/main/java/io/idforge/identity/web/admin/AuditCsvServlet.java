package io.idforge.identity.web.admin;

import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.core.application.console.AuditTrail;
import io.idforge.identity.core.domain.audit.AuditEntry;
import io.idforge.identity.web.admin.security.ConsoleSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The audit selection as CSV ({@code /admin/audit.csv?actor=&action=&from=&to=}), with each entry's
 * previous and own hash so an auditor can re-check the chain outside the service. Cells that a
 * spreadsheet would run as formulas are prefixed with a quote.
 */
@WebServlet("/admin/audit.csv")
public class AuditCsvServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final int LIMIT = 100_000;

  @Inject transient AuditTrail audit;

  /** The caller's address, also behind a proxy (identity.rate-limits.client-ip-header). */
  @Inject transient ClientAddress clientAddress;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<ConsoleSession> session = ConsoleSession.of(request);
    if (session.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    List<AuditEntry> entries = audit.list(session.get().actor(clientAddress.of(request)), request.getParameter("actor"),
        request.getParameter("action"), AuditBacking.day(request.getParameter("from"), 0),
        AuditBacking.day(request.getParameter("to"), 1), LIMIT);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
    PrintWriter out = response.getWriter();
    out.print("id,occurred_at,actor,client_id,source_ip,action,target,summary,prev_hash,entry_hash\r\n");
    for (AuditEntry e : entries) {
      out.print(String.join(",", cell(String.valueOf(e.id())), cell(e.occurredAt().toString()), cell(e.actor()),
          cell(e.clientId()), cell(e.sourceIp()), cell(e.action()), cell(e.target()), cell(e.summary()),
          cell(e.prevHash()), cell(e.entryHash())));
      out.print("\r\n");
    }
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
