package io.idforge.identity.web.hosted;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The plain HTML pages of the process URL: landing and problems (expired, invalid link). */
final class HostedPages {

  private HostedPages() {}

  static void secureHeaders(HttpServletResponse response) {
    // The URL holds the token: never cache the page or leak the URL as a referrer.
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
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
