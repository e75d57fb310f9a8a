package io.idforge.identity.web.hosted;

import jakarta.faces.application.ResourceHandler;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * In front of the Faces pages: the hosted flow shows personal data, so its pages are never cached
 * nor leaked as a referrer (static resources stay cacheable), and only the origins the process's
 * flow allows may frame them ({@link FramePolicy}). Photo uploads over the limit
 * ({@code multipart-config} in {@code web.xml}: 30 MB per file) are refused here with a clear
 * notice on the flow page instead of an error page.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class HostedHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(HostedHeadersFilter.class.getName());

  /** Largest multipart request: two photos of 30 MB and the form around them (web.xml). */
  static final long MAX_REQUEST_BYTES = 63_963_136L;

  @Inject HostedSession session;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/admin/")) {
      // The console has its own headers (AdminHeadersFilter) and takes no uploads.
      chain.doFilter(request, response);
      return;
    }
    if (!path.startsWith(ResourceHandler.RESOURCE_IDENTIFIER + "/")) {
      // Decided here, before anything is written, and never relaxed later: the page may be framed
      // only by the origins its process's flow allows (none without a flow session).
      HostedPages.secureHeaders(response, request.getSession(false) == null ? FramePolicy.NONE : session.frames());
    }
    boolean withinLimits;
    try {
      withinLimits = !isMultipartPost(request) || partsWithinLimits(request);
    } catch (IOException | ServletException e) {
      LOG.fine(() -> "malformed multipart request refused: " + e);
      response.sendError(HttpServletResponse.SC_BAD_REQUEST); // the friendly error page
      return;
    }
    if (!withinLimits) {
      LOG.fine(() -> "upload refused: over the size limit (" + request.getContentLengthLong() + " bytes)");
      session.notice("file_too_large");
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", request.getContextPath() + "/flow.xhtml");
      response.setHeader("Connection", "close");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isMultipartPost(HttpServletRequest request) {
    String type = request.getContentType();
    return "POST".equals(request.getMethod()) && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** Parses the parts (Faces reuses them) and answers false when a limit is exceeded. */
  private static boolean partsWithinLimits(HttpServletRequest request) throws IOException, ServletException {
    if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
      return false;
    }
    try {
      request.getParts();
      return true;
    } catch (IllegalStateException e) {
      // The container's answer to max-file-size / max-request-size.
      return false;
    }
  }
}
