package io.idforge.identity.web.logging;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Routes the application's own loggers ({@code io.idforge.*}) to one handler that writes each
 * record, with its request id, as a text or JSON line ({@code identity.log.format}) on the
 * process's standard error, instead of through the server's handlers.
 *
 * <p>Why a handler of our own: the server's handlers publish records asynchronously on another
 * thread (Payara's log service does), where the request's thread-local id is gone; a synchronous
 * handler formats on the logging thread. Standard error is written through its file descriptor,
 * not {@code System.err}, which the server may wrap into its own logger. Levels are untouched:
 * the server's logging configuration still decides what is logged. The handler is removed when
 * the application stops, so a redeploy does not stack handlers on the JVM-wide logger.
 */
@WebListener
public class ApplicationLogging implements ServletContextListener {

  /** The parent logger of every application class. */
  static final String ROOT = "io.idforge";

  private Handler handler;
  private boolean previousUseParentHandlers;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    LogFormat format =
        LogFormat.parse(
            ConfigProvider.getConfig().getOptionalValue(LogFormat.KEY, String.class).orElse("text"));
    handler = handler(format, new FileOutputStream(FileDescriptor.err));
    Logger root = Logger.getLogger(ROOT);
    previousUseParentHandlers = root.getUseParentHandlers();
    root.addHandler(handler);
    root.setUseParentHandlers(false);
    root.info(() -> "application log lines: " + format.name().toLowerCase() + " with request ids ("
        + LogFormat.KEY + ")");
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    Logger root = Logger.getLogger(ROOT);
    root.removeHandler(handler);
    root.setUseParentHandlers(previousUseParentHandlers);
    handler.close();
  }

  /** A handler that writes and flushes every record at once, in the given format. */
  static Handler handler(LogFormat format, OutputStream out) {
    StreamHandler h =
        new StreamHandler(out, format == LogFormat.JSON ? new JsonLineFormatter() : new TextLineFormatter()) {
          @Override
          public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
          }

          @Override
          public synchronized void close() {
            flush(); // never close the process's standard error
          }
        };
    h.setLevel(Level.ALL);
    try {
      h.setEncoding(StandardCharsets.UTF_8.name());
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    return h;
  }
}
