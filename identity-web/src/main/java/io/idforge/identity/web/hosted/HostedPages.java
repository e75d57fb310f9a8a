package io.idforge.identity.web.hosted;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The plain HTML pages of the process URL, outside Faces: the landing page and the problems
 * (expired or revoked link, invalid link), in the user's language. Everything is escaped.
 */
final class HostedPages {

  static final String BUNDLE = "io.idforge.identity.web.hosted.messages";

  /** The stylesheet of the flow pages, served by the Faces resource handler. */
  static final String STYLESHEET = "/jakarta.faces.resource/hosted/hosted.css.xhtml";

  private HostedPages() {}

  /**
   * Headers of every hosted page: the process URL carries the token and the flow pages show
   * personal data, so nothing is cached or leaked as a referrer, and nothing but this origin's
   * own files runs or styles the page.
   */
  static void secureHeaders(HttpServletResponse response, FramePolicy frames) {
    provisionalHeaders(response);
    response.setHeader("Content-Security-Policy", policy(null, null, frames));
    frames.applyLegacyHeader(response);
  }

  /**
   * The same before it is known who may frame the answer: nobody by CSP, and no
   * {@code X-Frame-Options} yet (a header cannot be taken back once an allowlist applies). For
   * answers that fail before {@link #secureHeaders} runs.
   */
  static void provisionalHeaders(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", policy(null, null, FramePolicy.NONE));
  }

  /**
   * The pages' Content-Security-Policy. A branded flow adds its one inline {@code <style>} (the
   * validated {@code --brand} colour) by nonce, and its logo's origin to the images; {@code frames}
   * says which origins may embed the page (none unless the process's flow allows some).
   */
  static String policy(String styleNonce, String imageOrigin, FramePolicy frames) {
    return "default-src 'self'; img-src 'self' data:" + (imageOrigin == null ? "" : " " + imageOrigin)
        + (styleNonce == null ? "" : "; style-src 'self' 'nonce-" + styleNonce + "'")
        + "; object-src 'none'; base-uri 'none'; form-action 'self'; " + frames.directive();
  }

  /** The language of a page outside the flow: {@code lang} parameter, else Accept-Language, else Spanish. */
  static Locale locale(HttpServletRequest request) {
    String lang = request.getParameter("lang");
    if (lang != null && HostedSession.LANGUAGES.contains(lang)) {
      return Locale.forLanguageTag(lang);
    }
    // Without Accept-Language the container answers its own default locale: use ours instead.
    return Locale.forLanguageTag(HostedSession.preferred(
        request.getHeader("Accept-Language") == null ? List.of() : Collections.list(request.getLocales())));
  }

  static void write(HttpServletResponse response, int status, String html) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write(html);
  }

  static String landing(HttpServletRequest request) {
    Locale locale = locale(request);
    return page(request, locale, "<p id=\"landing\">" + escape(text(locale, "link.missing")) + "</p>");
  }

  /**
   * A problem page.
   *
   * @param key the message key ({@code link.expired}, {@code link.invalid}, ...)
   */
  static String problem(HttpServletRequest request, String key, int status) {
    Locale locale = locale(request);
    return page(request, locale,
        "<p id=\"problem\" class=\"notice problem\" data-status=\"" + status + "\" data-code=\"" + escape(key) + "\">"
            + escape(text(locale, key)) + "</p>");
  }

  /** Seconds a browser is told to wait while the database is away (as the API's 503). */
  static final int RETRY_AFTER_SECONDS = 2;

  /**
   * 503 "try again in a moment" while the database is unreachable (a restart, a fail-over): the
   * user's link and progress are intact, so the page says to reload rather than to ask for a new link.
   */
  static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
    secureHeaders(response, FramePolicy.NONE);
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    write(response, 503, problem(request, "service.unavailable", 503));
  }

  static String text(Locale locale, String key) {
    return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
  }

  private static String page(HttpServletRequest request, Locale locale, String body) {
    String title = escape(text(locale, "title"));
    return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + title + "</title>"
        + "<link rel=\"stylesheet\" href=\"" + escape(request.getContextPath() + STYLESHEET) + "\">"
        + "</head><body><main class=\"card\"><header class=\"top\"><h1>" + title + "</h1></header>"
        + body + "</main></body></html>";
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
