package io.idforge.identity.web.hosted;

import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.process.IdentityProcess;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The minimal HTML of the hosted entry: process id, steps and outcome. Everything is escaped. */
final class HostedPages {

  private HostedPages() {}

  static void secureHeaders(HttpServletResponse response) {
    // The URL holds the token: never cache the page or leak the URL as a referrer.
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'");
  }

  static void write(HttpServletResponse response, int status, String html) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write(html);
  }

  static String landing() {
    return page("Identity validation", "<p>Open the validation link you received to start.</p>");
  }

  static String problem(String message, int status) {
    return page("Identity validation", "<p class=\"problem\" data-status=\"" + status + "\">" + escape(message) + "</p>");
  }

  static String process(ProcessView view) {
    IdentityProcess p = view.process();
    StringBuilder body = new StringBuilder();
    body.append("<p>Process <code id=\"process-id\">").append(escape(p.processId())).append("</code></p>");
    body.append("<p>Status: <strong id=\"status\">").append(escape(p.status().wireValue())).append("</strong></p>");
    body.append("<ol id=\"steps\">");
    List<FlowStep> steps = view.flow().steps();
    for (int i = 0; i < steps.size(); i++) {
      String state = i < p.currentStepIndex() ? "done" : i == p.currentStepIndex() && p.isPending() ? "current" : "todo";
      body.append("<li class=\"").append(state).append("\">").append(escape(steps.get(i).type().wireValue())).append("</li>");
    }
    body.append("</ol>");
    if (!p.isPending()) {
      String target = p.redirectUrl() + (p.redirectUrl().contains("?") ? "&" : "?") + "process_id="
          + URLEncoder.encode(p.processId(), StandardCharsets.UTF_8);
      body.append("<p><a id=\"continue\" href=\"").append(escape(target)).append("\">Continue</a></p>");
    }
    return page("Identity validation", body.toString());
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + escape(title) + "</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem}"
        + ".done{color:#2a7}.current{font-weight:bold}.problem{color:#b00}</style></head><body>"
        + "<h1>" + escape(title) + "</h1>" + body + "</body></html>";
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
