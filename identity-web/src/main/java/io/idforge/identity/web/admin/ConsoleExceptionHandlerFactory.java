package io.idforge.identity.web.admin;

import io.idforge.identity.web.admin.security.ConsoleSession;
import io.idforge.identity.web.admin.security.ReturnPath;
import io.idforge.identity.web.http.QueuedExceptionHandler;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A console form posted after its view was lost (the session timed out while the page stayed open,
 * or the server restarted): instead of an error, the user is sent to the sign-in page with a
 * message and brought back to the page afterwards; a user who is still signed in (a view evicted
 * from a live session) simply gets the page again. Only views under {@code /admin/}; everything
 * else goes on to the hosted flow's handler ({@code HostedExceptionHandlerFactory}), which this
 * one wraps (declared after it in {@code faces-config.xml}).
 */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {

  public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends QueuedExceptionHandler {

    private static final Logger LOG = Logger.getLogger(ConsoleExceptionHandlerFactory.class.getName());

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    protected boolean handled(FacesContext faces, ExceptionQueuedEventContext queued) throws IOException {
      if (!isCausedBy(queued.getException(), ViewExpiredException.class)) {
        return false;
      }
      ExternalContext ext = faces.getExternalContext();
      HttpServletRequest request = (HttpServletRequest) ext.getRequest();
      String path = request.getServletPath();
      if (path == null || !path.startsWith("/admin/") || ext.isResponseCommitted()) {
        return false;
      }
      Optional<String> back = ReturnPath.of(path, request.getParameter("id"));
      boolean signedIn = ConsoleSession.of(request).isPresent();
      // One line, no stack trace: a stale page is routine, and anyone can post a made-up state.
      LOG.fine(() -> "console: a form of " + path + " was posted after its view expired");
      ext.redirect(signedIn && back.isPresent() ? ext.getRequestContextPath() + back.get()
          : ReturnPath.signInPage(ext.getRequestContextPath(), back, true));
      faces.responseComplete();
      return true;
    }
  }
}
