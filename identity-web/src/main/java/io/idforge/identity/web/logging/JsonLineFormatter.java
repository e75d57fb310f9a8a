package io.idforge.identity.web.logging;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code timestamp}, {@code level}, {@code logger}, {@code thread},
 * {@code request_id} (when the record was written while serving a request), {@code message} and,
 * for an exception, {@code exception} (class and message) and {@code stack_trace}. JSON-P escapes
 * the values, so a message can never break the line.
 */
public class JsonLineFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("timestamp", Instant.ofEpochMilli(record.getMillis()).toString())
            .add("level", record.getLevel().getName())
            .add("logger", String.valueOf(record.getLoggerName()))
            .add("thread", Thread.currentThread().getName());
    RequestIds.current().ifPresent(id -> o.add("request_id", id));
    o.add("message", String.valueOf(formatMessage(record)));
    Throwable thrown = record.getThrown();
    if (thrown != null) {
      o.add("exception", thrown.getClass().getName() + ": " + thrown.getMessage());
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      o.add("stack_trace", trace.toString());
    }
    return o.build().toString() + System.lineSeparator();
  }
}
