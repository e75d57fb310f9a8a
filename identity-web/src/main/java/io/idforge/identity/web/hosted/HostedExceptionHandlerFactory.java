package io.idforge.identity.web.hosted;

import io.idforge.identity.web.http.DatabaseOutage;
import io.idforge.identity.web.http.QueuedExceptionHandler;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors on the hosted pages never show a stack trace. The hosted views are stateless; a form that
 * still posts a server-side view state the node does not know (a page rendered before a redeploy)
 * while the browser holds a live flow state sends the user back to the flow page, which shows the
 * current step (posts without the flow's form token never get here: {@link HostedHeadersFilter}). A postback whose view state
 * cannot be restored otherwise (forged, tampered, or stale without a flow session) is the
 * client's fault and happens at an attacker's will: 400 with the friendly error page and a single
 * log line with a reference, no stack trace. Anything else is logged once with a reference and
 * the stack trace and ends on the friendly error page ({@code web.xml}) with 500, except an
 * unreachable database: 503 with {@code Retry-After} and a page that says to try again shortly.
 */
public class HostedExceptionHandlerFactory extends ExceptionHandlerFactory {

  public HostedExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends QueuedExceptionHandler {

    private static final Logger LOG = Logger.getLogger(HostedExceptionHandlerFactory.class.getName());

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    protected boolean handled(FacesContext faces, ExceptionQueuedEventContext queued) throws IOException {
      Throwable t = queued.getException();
      ExternalContext ext = faces.getExternalContext();
      boolean expired = isCausedBy(t, ViewExpiredException.class);
      if (expired && hasFlowSession()) {
        ext.redirect(ext.getRequestContextPath() + "/flow.xhtml");
        faces.responseComplete();
        return true;
      }
      if (ext.isResponseCommitted()) {
        return false;
      }
      if (expired || isUnrestorablePostback(queued, ext)) {
        String ref = UUID.randomUUID().toString();
        // One line, no stack trace: anyone can post a made-up view state as often as they like.
        LOG.warning("hosted flow: refused a postback whose view state is " + (expired ? "stale" : "not valid")
            + " (" + root(t).getClass().getSimpleName() + "), reference " + ref);
        errorPage(faces, ext, 400);
      } else if (DatabaseOutage.isCauseOf(t)) {
        // Not a fault of the page: the database is away (a restart, a fail-over). 503 with
        // Retry-After and "try again in a moment", as the API answers; one line, no stack trace.
        LOG.warning("hosted flow: database unavailable, answered 503");
        ext.responseReset();
        HostedPages.unavailable((HttpServletRequest) ext.getRequest(), (HttpServletResponse) ext.getResponse());
        faces.responseComplete();
      } else {
        String ref = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "hosted flow page failed, reference " + ref, t);
        errorPage(faces, ext, 500);
      }
      return true;
    }

    private static void errorPage(FacesContext faces, ExternalContext ext, int status) throws IOException {
      ext.responseReset();
      // Inside the tenant's iframe the error page must be framable as the flow page was.
      HostedPages.secureHeaders((HttpServletResponse) ext.getResponse(), flowFrames());
      ext.setResponseStatus(status);
      ext.dispatch("/WEB-INF/errorpages/error.html");
      faces.responseComplete();
    }

    /**
     * A postback (it carries a view state) that failed while its view was being restored, e.g.
     * {@code stateless} posted to a view that is not transient ("Unable to restore view"). An
     * unknown but well-formed state is a {@link ViewExpiredException} instead.
     */
    private static boolean isUnrestorablePostback(ExceptionQueuedEventContext queued, ExternalContext ext) {
      return queued.getPhaseId() == PhaseId.RESTORE_VIEW
          && ext.getRequestParameterMap().containsKey(ResponseStateManager.VIEW_STATE_PARAM);
    }

    /** Who may frame this browser's flow pages; nobody without a flow session. */
    private static FramePolicy flowFrames() {
      try {
        return CDI.current().select(HostedSession.class).get().frames();
      } catch (RuntimeException e) {
        return FramePolicy.NONE; // no active session context
      }
    }

    /** True when this browser's session is bound to a process (it came through a valid link). */
    private static boolean hasFlowSession() {
      try {
        return CDI.current().select(HostedSession.class).get().caller().isPresent();
      } catch (RuntimeException e) {
        return false; // no active session context: certainly no flow session
      }
    }

    private static Throwable root(Throwable t) {
      Throwable r = t;
      while (r.getCause() != null && r.getCause() != r) {
        r = r.getCause();
      }
      return r;
    }
  }
}
