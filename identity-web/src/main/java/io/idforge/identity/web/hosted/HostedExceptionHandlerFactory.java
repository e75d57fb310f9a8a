package io.idforge.identity.web.hosted;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors on the hosted pages never show a stack trace. A form posted after its view expired (the
 * session ended, or the server restarted) sends the user back to the flow page, which shows the
 * current step or asks to open the link again. Anything else is logged once with a reference and
 * ends on the friendly error page ({@code web.xml}).
 */
public class HostedExceptionHandlerFactory extends ExceptionHandlerFactory {

  public HostedExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(HostedExceptionHandlerFactory.class.getName());

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator(); it.hasNext(); ) {
        Throwable t = it.next().getContext().getException();
        if (faces == null || faces.getResponseComplete()) {
          continue;
        }
        ExternalContext ext = faces.getExternalContext();
        try {
          if (isCausedBy(t, ViewExpiredException.class)) {
            it.remove();
            ext.redirect(ext.getRequestContextPath() + "/flow.xhtml");
            faces.responseComplete();
          } else if (!ext.isResponseCommitted()) {
            it.remove();
            String ref = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "hosted flow page failed, reference " + ref, t);
            ext.responseReset();
            HostedPages.secureHeaders((HttpServletResponse) ext.getResponse());
            ext.setResponseStatus(500);
            ext.dispatch("/WEB-INF/errorpages/error.html");
            faces.responseComplete();
          }
        } catch (IOException | RuntimeException e) {
          throw new FacesException(e);
        }
      }
      getWrapped().handle();
    }

    private static boolean isCausedBy(Throwable t, Class<? extends Throwable> type) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (type.isInstance(c)) {
          return true;
        }
      }
      return false;
    }
  }
}
