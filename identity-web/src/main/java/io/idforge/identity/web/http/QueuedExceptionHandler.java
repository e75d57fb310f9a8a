package io.idforge.identity.web.http;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import java.io.IOException;
import java.util.Iterator;

/**
 * The loop every Faces exception handler of this application needs: offers each queued exception
 * of a request whose response is not complete yet to {@link #handled}, drops the ones it answered,
 * and leaves the rest to the wrapped (default) handler.
 */
public abstract class QueuedExceptionHandler extends ExceptionHandlerWrapper {

  protected QueuedExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  /**
   * Answers the request for {@code queued}'s exception, or leaves it.
   *
   * @return true when it answered (the exception is then dropped from the queue)
   */
  protected abstract boolean handled(FacesContext faces, ExceptionQueuedEventContext queued) throws IOException;

  @Override
  public void handle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator(); it.hasNext(); ) {
      ExceptionQueuedEventContext queued = it.next().getContext();
      if (faces == null || faces.getResponseComplete()) {
        continue;
      }
      try {
        if (handled(faces, queued)) {
          it.remove();
        }
      } catch (IOException | RuntimeException e) {
        throw new FacesException(e);
      }
    }
    getWrapped().handle();
  }

  /** True when {@code type} is {@code t} or one of its causes. */
  public static boolean isCausedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
