package io.idforge.identity.web.admin;

import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.core.application.MediaService;
import io.idforge.identity.core.application.console.ConsoleProcesses;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.shared.IdentityException;
import io.idforge.identity.web.admin.security.ConsoleSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Streams one decrypted upload of one of the tenant's processes
 * ({@code /admin/image?process=IDP…&media=…}) to admins, reviewers and operators (web.xml and the
 * service both check). Every view is written to the audit trail by the service. Not cached.
 */
@WebServlet("/admin/image")
public class ImageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient ConsoleProcesses processes;

  /** The caller's address, also behind a proxy (identity.rate-limits.client-ip-header). */
  @Inject transient ClientAddress clientAddress;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<ConsoleSession> session = ConsoleSession.of(request);
    String process = request.getParameter("process");
    String media = request.getParameter("media");
    if (session.isEmpty() || process == null || media == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    MediaService.MediaContent content;
    try {
      content = processes.image(session.get().actor(clientAddress.of(request)), process, media);
    } catch (IdentityException e) {
      response.sendError(e instanceof ForbiddenException
          ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(content.mimeType());
    response.setContentLength(content.bytes().length);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Disposition", "inline");
    response.getOutputStream().write(content.bytes());
  }
}
