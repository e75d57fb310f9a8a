package io.idforge.identity.web.hosted;

import jakarta.faces.application.ResourceHandler;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * In front of the Faces pages: the hosted flow shows personal data, so its pages are never cached
 * nor leaked as a referrer (static resources stay cacheable), and only the origins the process's
 * flow allows may frame them ({@link FramePolicy}). Photo uploads over the limit
 * ({@code multipart-config} in {@code web.xml}: 30 MB per file) are refused here with a clear
 * notice on the flow page instead of an error page. A post without this browser's form token
 * ({@link HostedSession#FORM_TOKEN_FIELD}) answers 400 with the friendly error page: the hosted
 * views are stateless, so this token, not a server-side view state, guards against cross-site posts.
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
    boolean page = !path.startsWith(ResourceHandler.RESOURCE_IDENTIFIER + "/");
    if (page) {
      session.respondWith(response);
      // Decided here, before anything is written, and never relaxed later: the page may be framed
      // only by the origins its process's flow allows (none without a flow state).
      HostedPages.secureHeaders(response, session.frames());
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
    if (page && "POST".equals(request.getMethod()) && !session.acceptsFormToken(postedFormToken(request))) {
      // The views are stateless (any node rebuilds them), so the form token in the sealed cookie
      // is what tells this browser's own form from a cross-site or forged post. One line, no
      // stack trace: anyone can post as often as they like.
      LOG.warning("hosted flow: refused a postback whose form token is not valid ("
          + (session.caller().isPresent() ? "wrong or missing token" : "no flow state") + "), reference "
          + UUID.randomUUID());
      response.sendError(HttpServletResponse.SC_BAD_REQUEST); // the friendly error page
      return;
    }
    chain.doFilter(request, response);
  }

  /** The form token of a post: a form field, also inside a multipart body (parts parsed above). */
  private static String postedFormToken(HttpServletRequest request) throws IOException, ServletException {
    String token = request.getParameter(HostedSession.FORM_TOKEN_FIELD);
    if (token == null && isMultipartPost(request)) {
      Part part = request.getPart(HostedSession.FORM_TOKEN_FIELD);
      if (part != null && part.getSize() <= 64) {
        try (InputStream in = part.getInputStream()) {
          token = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
      }
    }
    return token;
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
