package io.idforge.identity.web.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.idforge.identity.api.spi.DeliveryException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real HTTP server in the test JVM (127.0.0.1, free port) playing Twilio's Messages API. The
 * Fault Tolerance annotations need the container; here {@link HttpSmsSender#send} runs as a plain
 * method, and what the annotations act on, the retryable classification, is asserted.
 */
class HttpSmsSenderTest {

  static final String SID = "AC0123456789abcdef0123456789abcdef";
  static final String TOKEN = "tok-secret-42";
  static final String PHONE = "+573001234567";
  static final String TEXT = "583920 es tu codigo de verificacion de IdForge.";

  record Recorded(String method, String path, String authorization, String contentType, Map<String, String> form) {}

  HttpServer server;
  final List<Recorded> requests = new CopyOnWriteArrayList<>();
  volatile int status = 201;
  volatile String answer =
      "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\",\"to\":\"" + PHONE + "\"}";
  volatile CountDownLatch hold;

  final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  final Handler capture =
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
  Level previousLevel;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    Logger log = Logger.getLogger(HttpSmsSender.class.getName());
    previousLevel = log.getLevel();
    log.setLevel(Level.ALL);
    log.addHandler(capture);
  }

  @AfterEach
  void stop() {
    Logger log = Logger.getLogger(HttpSmsSender.class.getName());
    log.removeHandler(capture);
    log.setLevel(previousLevel);
    if (hold != null) {
      hold.countDown();
    }
    server.stop(0);
  }

  void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            decode(body)));
    if (hold != null) {
      try {
        hold.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  static Map<String, String> decode(String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  HttpSmsSender sender(Optional<String> messagingService, Duration requestTimeout) {
    return new HttpSmsSender(
        TwilioSettings.of(
            base() + "/", Optional.of(SID), Optional.of(TOKEN), Optional.of("+15005550006"),
            messagingService, Duration.ofSeconds(2), requestTimeout));
  }

  HttpSmsSender sender() {
    return sender(Optional.empty(), Duration.ofSeconds(5));
  }

  @Test
  void postsTheTwilioFormWithBasicAuth() throws DeliveryException {
    sender().send(PHONE, TEXT);

    assertEquals(1, requests.size());
    Recorded r = requests.get(0);
    assertEquals("POST", r.method());
    assertEquals("/2010-04-01/Accounts/" + SID + "/Messages.json", r.path());
    String expectedAuth =
        "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    assertEquals(expectedAuth, r.authorization());
    assertTrue(r.contentType().startsWith("application/x-www-form-urlencoded"), r.contentType());
    assertEquals(List.of("To", "From", "Body"), new ArrayList<>(r.form().keySet()));
    assertEquals(PHONE, r.form().get("To"), "the + survives form encoding");
    assertEquals("+15005550006", r.form().get("From"));
    assertEquals(TEXT, r.form().get("Body"));
  }

  @Test
  void aMessagingServiceReplacesFrom() throws DeliveryException {
    sender(Optional.of("MG0123456789abcdef0123456789abcdef"), Duration.ofSeconds(5)).send(PHONE, TEXT);
    Map<String, String> form = requests.get(0).form();
    assertEquals("MG0123456789abcdef0123456789abcdef", form.get("MessagingServiceSid"));
    assertNull(form.get("From"));
  }

  @Test
  void aTwilio400IsPermanentAndDoesNotQuoteTheNumber() {
    status = 400;
    answer =
        "{\"code\": 21211, \"message\": \"The 'To' number " + PHONE + " is not a valid phone number.\","
            + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}";

    DeliveryException e = assertThrows(DeliveryException.class, () -> sender().send(PHONE, TEXT));

    assertFalse(e.isRetryable());
    assertFalse(e instanceof RetryableDeliveryException, "@Retry must not repeat a 4xx");
    assertEquals(
        "SMS gateway answered HTTP 400, error 21211 (https://www.twilio.com/docs/errors/21211)",
        e.getMessage());
    assertEquals(1, requests.size());
  }

  @Test
  void badCredentialsArePermanent() {
    status = 401;
    answer = "{\"code\": 20003, \"message\": \"Authenticate\", \"more_info\": \"https://www.twilio.com/docs/errors/20003\", \"status\": 401}";
    DeliveryException e = assertThrows(DeliveryException.class, () -> sender().send(PHONE, TEXT));
    assertFalse(e.isRetryable());
  }

  @Test
  void a503IsRetryable() {
    status = 503;
    answer = "<html>Service Unavailable</html>";
    DeliveryException e = assertThrows(DeliveryException.class, () -> sender().send(PHONE, TEXT));
    assertTrue(e.isRetryable());
    assertInstanceOf(RetryableDeliveryException.class, e, "the type @Retry and @CircuitBreaker select on");
    assertEquals("SMS gateway answered HTTP 503", e.getMessage());
  }

  @Test
  void tooManyRequestsIsRetryable() {
    status = 429;
    answer = "{\"code\": 20429, \"message\": \"Too Many Requests\", \"more_info\": \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}";
    DeliveryException e = assertThrows(DeliveryException.class, () -> sender().send(PHONE, TEXT));
    assertInstanceOf(RetryableDeliveryException.class, e);
  }

  @Test
  void statusClassification() {
    assertTrue(HttpSmsSender.isRetryable(408));
    assertTrue(HttpSmsSender.isRetryable(429));
    assertTrue(HttpSmsSender.isRetryable(500));
    assertTrue(HttpSmsSender.isRetryable(502));
    assertFalse(HttpSmsSender.isRetryable(400));
    assertFalse(HttpSmsSender.isRetryable(401));
    assertFalse(HttpSmsSender.isRetryable(404));
    assertFalse(HttpSmsSender.isRetryable(302));
  }

  @Test
  void anUnreachableGatewayIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    HttpSmsSender sender =
        new HttpSmsSender(
            TwilioSettings.of(
                "http://127.0.0.1:" + closedPort, Optional.of(SID), Optional.of(TOKEN),
                Optional.of("+15005550006"), Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(2)));
    DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send(PHONE, TEXT));
    assertInstanceOf(RetryableDeliveryException.class, e);
  }

  @Test
  void aSlowGatewayTimesOutAndIsRetryable() {
    hold = new CountDownLatch(1); // the server answers only after the client gave up
    DeliveryException e =
        assertThrows(
            DeliveryException.class,
            () -> sender(Optional.empty(), Duration.ofMillis(300)).send(PHONE, TEXT));
    assertInstanceOf(RetryableDeliveryException.class, e);
    assertTrue(e.getMessage().contains("timeout"), e.getMessage());
  }

  @Test
  void invalidInputIsRefusedWithoutCallingTheGateway() {
    for (String bad : new String[] {"3001234567", "+0573001234567", "+57 300 123 4567", "+1234567890123456"}) {
      DeliveryException e = assertThrows(DeliveryException.class, () -> sender().send(bad, TEXT));
      assertFalse(e.isRetryable());
    }
    assertThrows(DeliveryException.class, () -> sender().send(PHONE, "x".repeat(1601)));
    assertThrows(DeliveryException.class, () -> sender().send(PHONE, " "));
    assertTrue(requests.isEmpty());
  }

  @Test
  void logsShowTheNumberMaskedAndNeverTheText() {
    status = 400;
    answer = "{\"code\": 21211, \"message\": \"The 'To' number " + PHONE + " is not valid\"}";
    assertThrows(DeliveryException.class, () -> sender().send(PHONE, TEXT));
    status = 201;
    answer = "{\"sid\":\"SM1\",\"status\":\"queued\"}";
    assertThrowsNothing(() -> sender().send(PHONE, TEXT));

    assertFalse(logged.isEmpty());
    for (LogRecord r : logged) {
      String line = r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown());
      assertFalse(line.contains(PHONE), line);
      assertFalse(line.contains("3001234567"), line);
      assertFalse(line.contains("583920"), line);
      assertFalse(line.contains(TOKEN), line);
    }
    assertTrue(logged.stream().anyMatch(r -> r.getMessage().contains("+57******4567")));
  }

  @Test
  void phoneNumbersAreMaskedToCountryPrefixAndLastFourDigits() {
    assertEquals("+57******4567", PhoneMask.mask("+573001234567"));
    assertEquals("+15*****0006", PhoneMask.mask("+15005550006"));
    assertEquals("***", PhoneMask.mask("+12345"));
    assertEquals("***", PhoneMask.mask(null));
  }

  @Test
  void settingsNameTheMissingKeyAndHideTheToken() {
    IllegalStateException noSender =
        assertThrows(
            IllegalStateException.class,
            () -> TwilioSettings.of(base(), Optional.of(SID), Optional.of(TOKEN), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertTrue(noSender.getMessage().contains("identity.sms.twilio.from"), noSender.getMessage());
    IllegalStateException noToken =
        assertThrows(
            IllegalStateException.class,
            () -> TwilioSettings.of(base(), Optional.of(SID), Optional.empty(), Optional.of("+15005550006"),
                Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertTrue(noToken.getMessage().contains("identity.sms.twilio.auth-token"), noToken.getMessage());
    TwilioSettings defaults =
        TwilioSettings.of(null, Optional.of(SID), Optional.of(TOKEN), Optional.of("+15005550006"),
            Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10));
    assertEquals(
        "https://api.twilio.com/2010-04-01/Accounts/" + SID + "/Messages.json",
        defaults.messagesUri().toString());
    assertFalse(defaults.toString().contains(TOKEN), defaults.toString());
  }

  interface Action {
    void run() throws Exception;
  }

  static void assertThrowsNothing(Action action) {
    try {
      action.run();
    } catch (Exception e) {
      throw new AssertionError("unexpected " + e, e);
    }
  }
}
