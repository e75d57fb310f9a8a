package io.idforge.identity.web.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.spi.DeliveryException;
import io.idforge.identity.web.outbound.SmsSenders.Mode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class SmsSendersTest {

  @Test
  void theSenderIsChosenExplicitlyAndUnsetMeansDisabled() {
    assertEquals(Mode.NONE, Mode.parse(Optional.empty()));
    assertEquals(Mode.NONE, Mode.parse(Optional.of("  ")));
    assertEquals(Mode.NONE, Mode.parse(Optional.of("none")));
    assertEquals(Mode.TWILIO, Mode.parse(Optional.of("twilio")));
    assertEquals(Mode.TWILIO, Mode.parse(Optional.of(" Twilio ")));
    assertEquals(Mode.LOG, Mode.parse(Optional.of("log")));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Mode.parse(Optional.of("sns")));
    assertTrue(e.getMessage().contains("identity.sms.sender"), e.getMessage());
  }

  @Test
  void theLogSenderWritesTheCodeWithAMaskedNumberOnlyWhenEnabled() throws DeliveryException {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(LoggingSmsSender.class.getName());
    log.addHandler(capture);
    try {
      new LoggingSmsSender(true).send("+573001234567", "583920 es tu codigo");
      DeliveryException off =
          assertThrows(
              DeliveryException.class,
              () -> new LoggingSmsSender(false).send("+573001234567", "111111 es tu codigo"));
      assertFalse(off.isRetryable());
    } finally {
      log.removeHandler(capture);
    }
    assertEquals(1, logged.size());
    String line = logged.get(0).getMessage();
    assertTrue(line.contains("583920"), line);
    assertTrue(line.contains("+57******4567"), line);
    assertFalse(line.contains("+573001234567"), line);
    assertEquals("log", new LoggingSmsSender(true).name());
  }
}
