package io.idforge.identity.web.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request ids and the two log line formats, with a real handler writing into a buffer. */
class LogLinesTest {

  @AfterEach
  void clear() {
    RequestIds.clear();
  }

  private static LogRecord record(String message, Throwable thrown) {
    LogRecord r = new LogRecord(Level.WARNING, message);
    r.setLoggerName("io.idforge.identity.web.Example");
    r.setThrown(thrown);
    return r;
  }

  private static String write(LogFormat format, LogRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Handler h = ApplicationLogging.handler(format, out);
    h.publish(record);
    h.close();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aWellFormedIdIsKeptAnythingElseReplaced() {
    assertEquals("abc-123_x.y:z", RequestIds.acceptOrGenerate("abc-123_x.y:z"));
    for (String bad : new String[] {null, "", "with space", "x".repeat(65), "line\nbreak", "é"}) {
      String id = RequestIds.acceptOrGenerate(bad);
      assertTrue(id.matches("[0-9a-f]{32}"), id);
    }
    assertNotEquals(RequestIds.acceptOrGenerate(null), RequestIds.acceptOrGenerate(null));
  }

  @Test
  void aTextLineCarriesTheRequestIdAndStaysOneLine() {
    RequestIds.set("req-1");
    String line = write(LogFormat.TEXT, record("first\nINFO forged line", null));
    assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT[^ ]+Z WARNING io\\.idforge\\.identity\\.web\\.Example "
        + "\\[request_id=req-1] first\\\\nINFO forged line\\R"), line);
    RequestIds.clear();
    assertFalse(write(LogFormat.TEXT, record("outside a request", null)).contains("request_id"));
  }

  @Test
  void aJsonLineIsOneObjectWithTheRequestIdAndTheException() {
    RequestIds.set("req-2");
    String line = write(LogFormat.JSON, record("boom \"quoted\"", new IllegalStateException("bad state")));
    assertEquals(1, line.lines().count(), line);
    JsonObject o = Json.createReader(new StringReader(line)).readObject();
    assertEquals("WARNING", o.getString("level"));
    assertEquals("io.idforge.identity.web.Example", o.getString("logger"));
    assertEquals("req-2", o.getString("request_id"));
    assertEquals("boom \"quoted\"", o.getString("message"));
    assertEquals("java.lang.IllegalStateException: bad state", o.getString("exception"));
    assertTrue(o.getString("stack_trace").contains("LogLinesTest"), o.toString());
    assertTrue(o.getString("timestamp").endsWith("Z"));
  }

  @Test
  void theFormatKeyAcceptsTextOrJsonOnly() {
    assertEquals(LogFormat.TEXT, LogFormat.parse(null));
    assertEquals(LogFormat.TEXT, LogFormat.parse(" Text "));
    assertEquals(LogFormat.JSON, LogFormat.parse("JSON"));
    assertThrows(IllegalStateException.class, () -> LogFormat.parse("xml"));
  }
}
