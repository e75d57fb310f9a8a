package io.idforge.identity.web.outbound;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.spi.DeliveryException;
import io.idforge.identity.api.spi.SmsSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * {@link SmsSender} for Twilio's Programmable Messaging REST API, or any gateway that speaks it:
 * {@code POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json}, form fields {@code To},
 * {@code From} (or {@code MessagingServiceSid}) and {@code Body}, HTTP Basic auth {@code
 * AccountSid:AuthToken}; success is 201 with JSON {@code sid} and {@code status}, an error a JSON
 * {@code code}, {@code message} and {@code more_info}. Configured by {@code
 * identity.sms.twilio.base-url} (default {@code https://api.twilio.com}), {@code .account-sid},
 * {@code .auth-token}, {@code .from}, {@code .messaging-service-sid}, {@code .connect-timeout}
 * (default {@code PT5S}) and {@code .request-timeout} (default {@code PT10S}); active when {@code
 * identity.sms.sender=twilio} ({@link SmsSenders}).
 *
 * <p><b>Failures.</b> HTTP 408, 429 and 5xx, timeouts and I/O errors throw {@link
 * RetryableDeliveryException}; any other non-2xx answer (a rejected number, bad credentials, an
 * unknown account) throws a plain, non-retryable {@link DeliveryException}. Twilio's error {@code
 * message} is never copied: it often quotes the number. Only the status, Twilio's numeric {@code
 * code} and {@code more_info} are kept. A retried 5xx may, rarely, deliver the same code twice;
 * harmless for a one-time code.
 *
 * <p><b>Fault tolerance</b> (MicroProfile Fault Tolerance, exercised in the container only: the
 * unit tests call {@link #send} on a plain instance and check the retryable classification that
 * the annotations rely on). Outermost first: {@code @Fallback} turns the framework's own {@code
 * TimeoutException}, {@code CircuitBreakerOpenException} and {@code BulkheadException} into a
 * retryable {@link DeliveryException}, so callers only ever see the SPI's exception; {@code @Retry}
 * repeats {@link RetryableDeliveryException} and timeouts only (2 retries, 300 ms plus up to 200
 * ms of jitter apart, 20 s in all); {@code @CircuitBreaker} opens for 30 s when at least half of
 * the last 10 attempts (each retry is one) failed transiently, permanent 4xx answers not counting;
 * {@code @Timeout} caps one attempt at 12 s, above the HTTP request timeout. Every value can be
 * overridden with MicroProfile Config keys
 * {@code io.idforge.identity.web.outbound.HttpSmsSender/send/<Annotation>/<parameter>}, e.g.
 * {@code .../send/Retry/maxRetries=4}, {@code .../send/Timeout/value=20000} (see {@code
 * docs/otp-and-messaging.md}).
 *
 * <p>Every duration is written in milliseconds on purpose, and overrides must be too: Payara
 * 6.2025.10 ignores the unit in two places. It validates Retry {@code maxDuration > delay} on the
 * raw numbers (20 s against 300 ms refused the deployment), and it schedules the circuit breaker's
 * half-open transition after the raw {@code delay} taken as milliseconds (30 s reopened after 30
 * ms). Both were seen on a smoke deployment; {@code RetryPolicy} and {@code FaultTolerancePolicy}
 * in Payara's fault-tolerance module show why.
 *
 * <p>Logs show the number masked ({@code +57******4567}) and never the text.
 */
@ApplicationScoped
@Typed(HttpSmsSender.class)
public class HttpSmsSender implements SmsSender {

  private static final Logger LOG = Logger.getLogger(HttpSmsSender.class.getName());

  /** E.164: a plus, then up to 15 digits, the first not zero. */
  static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

  /** Twilio's limit for {@code Body}. */
  static final int MAX_BODY = 1600;

  @Inject
  @ConfigProperty(name = "identity.sms.twilio.base-url", defaultValue = TwilioSettings.DEFAULT_BASE_URL)
  String baseUrl;

  @Inject
  @ConfigProperty(name = "identity.sms.twilio.account-sid")
  Optional<String> accountSid;

  @Inject
  @ConfigProperty(name = "identity.sms.twilio.auth-token")
  Optional<String> authToken;

  @Inject
  @ConfigProperty(name = "identity.sms.twilio.from")
  Optional<String> from;

  @Inject
  @ConfigProperty(name = "identity.sms.twilio.messaging-service-sid")
  Optional<String> messagingServiceSid;

  @Inject
  @ConfigProperty(name = "identity.sms.twilio.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "identity.sms.twilio.request-timeout", defaultValue = "PT10S")
  Duration requestTimeout;

  private TwilioSettings settings;
  private HttpClient client;

  /** For CDI. */
  public HttpSmsSender() {}

  /** For tests: a sender with fixed settings, no container. */
  HttpSmsSender(TwilioSettings settings) {
    configure(settings);
  }

  /**
   * Reads and checks the configuration. Runs when {@link SmsSenders} first touches the bean, which
   * it does at start-up only when {@code identity.sms.sender=twilio}: a missing account, token or
   * sender then fails the deployment.
   */
  @PostConstruct
  void init() {
    configure(
        TwilioSettings.of(
            baseUrl, accountSid, authToken, from, messagingServiceSid, connectTimeout,
            requestTimeout));
  }

  private void configure(TwilioSettings s) {
    this.settings = s;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(s.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String name() {
    return "twilio";
  }

  /** One line for the start-up log, without the token. */
  public String describe() {
    return settings.describe();
  }

  @Override
  @Fallback(
      fallbackMethod = "unavailable",
      applyOn = {TimeoutException.class, CircuitBreakerOpenException.class, BulkheadException.class})
  @Retry(
      maxRetries = 2,
      delay = 300,
      delayUnit = ChronoUnit.MILLIS,
      jitter = 200,
      jitterDelayUnit = ChronoUnit.MILLIS,
      maxDuration = 20_000,
      durationUnit = ChronoUnit.MILLIS,
      retryOn = {RetryableDeliveryException.class, TimeoutException.class})
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.5,
      delay = 30_000,
      delayUnit = ChronoUnit.MILLIS,
      successThreshold = 2,
      failOn = {RetryableDeliveryException.class, TimeoutException.class})
  @Timeout(value = 12_000, unit = ChronoUnit.MILLIS)
  public void send(String e164Phone, String text) throws DeliveryException {
    if (e164Phone == null || !E164.matcher(e164Phone).matches()) {
      throw new DeliveryException("not an E.164 phone number", false);
    }
    if (text == null || text.isBlank() || text.length() > MAX_BODY) {
      throw new DeliveryException("an SMS text is 1 to " + MAX_BODY + " characters", false);
    }
    String masked = PhoneMask.mask(e164Phone);
    HttpRequest request =
        HttpRequest.newBuilder(settings.messagesUri())
            .timeout(settings.requestTimeout())
            .header("Authorization", settings.authorization())
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(e164Phone, text), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw transientFailure("no answer from the SMS gateway within the timeout", masked, e);
    } catch (IOException e) {
      throw transientFailure(
          "the SMS gateway could not be reached (" + e.getClass().getSimpleName() + ")", masked, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw transientFailure("interrupted while waiting for the SMS gateway", masked, e);
    }
    int status = response.statusCode();
    JsonObject json = parse(response.body());
    if (status >= 200 && status < 300) {
      LOG.fine(
          () -> "SMS to " + masked + " accepted by the gateway: sid=" + string(json, "sid")
              + ", status=" + string(json, "status"));
      return;
    }
    String message =
        "SMS gateway answered HTTP " + status
            + number(json, "code").map(c -> ", error " + c).orElse("")
            + string(json, "more_info").filter(u -> u.startsWith("http") && u.length() <= 200)
                .map(u -> " (" + u + ")").orElse("");
    if (isRetryable(status)) {
      throw transientFailure(message, masked, null);
    }
    LOG.warning(message + "; SMS to " + masked + " not sent");
    throw new DeliveryException(message, false);
  }

  /**
   * The {@link Fallback} of {@link #send}: the fault-tolerance layer gave up (attempt timed out,
   * circuit open, bulkhead full), which says nothing about the number, so it is retryable later.
   */
  void unavailable(String e164Phone, String text) throws DeliveryException {
    throw new RetryableDeliveryException("SMS gateway unavailable (timed out or circuit open)");
  }

  /** 408, 429 and 5xx may pass; other statuses will be answered the same way again. */
  static boolean isRetryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  private String form(String to, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("To", to);
    settings.messagingServiceSid().ifPresentOrElse(
        sid -> fields.put("MessagingServiceSid", sid), () -> fields.put("From", settings.from().get()));
    fields.put("Body", body);
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static RetryableDeliveryException transientFailure(String message, String masked, Exception cause) {
    LOG.log(Level.WARNING, message + "; SMS to " + masked + " not sent (retryable)");
    return cause == null
        ? new RetryableDeliveryException(message)
        : new RetryableDeliveryException(message, cause);
  }

  /** The JSON object of a gateway answer, or an empty one: a proxy may answer HTML or nothing. */
  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    } catch (JsonException | IllegalStateException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  private static Optional<String> string(JsonObject json, String name) {
    return json.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  private static Optional<String> number(JsonObject json, String name) {
    JsonValue v = json.get(name);
    if (v instanceof JsonNumber n) {
      return Optional.of(n.toString());
    }
    return v instanceof JsonString s && s.getString().matches("\\d{1,10}")
        ? Optional.of(s.getString())
        : Optional.empty();
  }
}
