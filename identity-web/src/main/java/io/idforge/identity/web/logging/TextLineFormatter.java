package io.idforge.identity.web.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record: {@code <ISO instant> <LEVEL> <logger> [request_id=<id>] <message>}, then
 * the stack trace, if any, on the following lines. Line breaks inside the message are escaped, so
 * one record is always one line (a forged newline cannot fake a second record).
 */
public class TextLineFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    StringBuilder out = new StringBuilder(160);
    out.append(Instant.ofEpochMilli(record.getMillis())).append(' ')
        .append(record.getLevel().getName()).append(' ')
        .append(record.getLoggerName()).append(' ');
    RequestIds.current().ifPresent(id -> out.append("[request_id=").append(id).append("] "));
    out.append(escapeLineBreaks(formatMessage(record))).append(System.lineSeparator());
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      out.append(trace);
    }
    return out.toString();
  }

  static String escapeLineBreaks(String s) {
    return s == null ? "" : s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
