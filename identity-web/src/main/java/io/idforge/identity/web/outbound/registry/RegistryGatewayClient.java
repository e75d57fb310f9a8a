package io.idforge.identity.web.outbound.registry;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.spi.GovernmentRegistry.RegistryAnswer;
import io.idforge.identity.api.spi.GovernmentRegistry.RegistryQuery;
import io.idforge.identity.api.spi.GovernmentRegistry.Verdict;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The registry gateway protocol ({@code docs/registry-gateway-protocol.md}) over {@link
 * HttpClient}, as plain Java: {@code POST {base-url}/v1/registry/checks} with a bearer token and a
 * JSON body, a 200 JSON answer naming the verdict.
 *
 * <p>{@link #send} is the bare request: it returns an answer only for a well-formed 200 and throws
 * {@link RegistryGatewayException} for everything else, so that the fault-tolerance interceptors on
 * {@link HttpGovernmentRegistry} can retry and count failures. {@link #check} is the same request
 * with every failure reported as {@link Verdict#UNAVAILABLE}: the adapter's observable behaviour
 * without a container.
 *
 * <p>Each attempt is bounded by one deadline (connect, headers and body together), and an answer
 * body larger than {@value #MAX_ANSWER_BYTES} bytes is refused. Redirects are not followed (the
 * bearer token must not travel elsewhere). Thread-safe. Logs name the country, HTTP status,
 * exception type and duration; never a document number, name or date.
 */
public final class RegistryGatewayClient {

  private static final Logger LOG = Logger.getLogger(RegistryGatewayClient.class.getName());

  /** Appended to the configured base URL. */
  public static final String CHECKS_PATH = "/v1/registry/checks";

  /** A verdict and a registry name fit in far less; more is not the protocol. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;


  private static final Map<String, Verdict> VERDICTS =
      Map.of(
          "valid", Verdict.VALID,
          "data_mismatch", Verdict.DATA_MISMATCH,
          "not_found", Verdict.NOT_FOUND,
          "cancelled", Verdict.CANCELLED);

  private final URI endpoint;
  private final String authorization;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param baseUrl the gateway's base URL; {@value #CHECKS_PATH} is appended to its path
   * @param token the bearer token the gateway expects
   * @param timeout the deadline of one attempt: connect, send, and the whole answer
   */
  public RegistryGatewayClient(URI baseUrl, String token, Duration timeout) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.endpoint = URI.create(base + CHECKS_PATH);
    this.authorization = "Bearer " + token;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Where the checks go. */
  public URI endpoint() {
    return endpoint;
  }

  /** One check, any failure reported as {@link Verdict#UNAVAILABLE}. Never throws for an outage. */
  public RegistryAnswer check(RegistryQuery query) {
    try {
      return send(query);
    } catch (RegistryGatewayException e) {
      return unavailable(query.country(), "registry gateway unavailable");
    }
  }

  /**
   * One check, one attempt.
   *
   * @return the registry's answer, from a 200 whose JSON names one of the protocol's statuses
   * @throws RegistryGatewayIoException when the gateway could not be reached or dropped the
   *     connection (worth one retry)
   * @throws RegistryGatewayAnswerException on another HTTP status or a malformed answer
   * @throws RegistryGatewayException on a timeout or an interrupt
   */
  public RegistryAnswer send(RegistryQuery query) {
    Objects.requireNonNull(query, "query");
    String country = query.country();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(requestBody(query), StandardCharsets.UTF_8))
            .build();
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = exchange(request);
      int status = response.statusCode();
      if (status != 200) {
        if (status == 401 || status == 403) {
          throw new RegistryGatewayAnswerException(
              "gateway refused our token (HTTP " + status + ")");
        }
        throw new RegistryGatewayAnswerException("gateway answered HTTP " + status);
      }
      RegistryAnswer answer = parseAnswer(response.body(), country);
      LOG.fine(
          () ->
              "registry check "
                  + country
                  + ": "
                  + answer.verdict()
                  + " in "
                  + millisSince(start)
                  + " ms");
      return answer;
    } catch (RegistryGatewayException e) {
      LOG.warning(
          () ->
              "registry check "
                  + country
                  + " failed after "
                  + millisSince(start)
                  + " ms: "
                  + e.getMessage());
      throw e;
    }
  }

  /** One HTTP exchange under one deadline; failures classified for the retry policy. */
  private HttpResponse<byte[]> exchange(HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request, info -> limitedBody(MAX_ANSWER_BYTES));
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RegistryGatewayException("no complete answer within " + timeout, e);
    } catch (InterruptedException e) {
      // The fault-tolerance @Timeout interrupts a call that overruns it.
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RegistryGatewayException("interrupted while waiting for the gateway", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException timedOut) {
        throw new RegistryGatewayException(
            "gateway timed out (" + timedOut.getClass().getSimpleName() + ")", cause);
      }
      if (cause instanceof AnswerTooLargeException) {
        throw new RegistryGatewayAnswerException(
            "answer larger than " + MAX_ANSWER_BYTES + " bytes", cause);
      }
      if (cause instanceof IOException io) {
        throw new RegistryGatewayIoException(
            "gateway unreachable (" + io.getClass().getSimpleName() + ")", io);
      }
      LOG.log(Level.FINE, "registry gateway exchange failed", cause);
      throw new RegistryGatewayException(
          "gateway exchange failed (" + cause.getClass().getSimpleName() + ")", cause);
    }
  }

  /** The request body; absent fields are omitted, dates are {@code yyyy-MM-dd}. */
  static String requestBody(RegistryQuery query) {
    JsonObjectBuilder body = JSON.createObjectBuilder();
    add(body, "country", query.country() == null ? null : query.country().toUpperCase(Locale.ROOT));
    add(body, "document_type", query.documentType());
    add(body, "document_number", query.documentNumber());
    add(body, "name", query.name());
    add(body, "last_name", query.lastName());
    add(body, "date_of_birth", date(query.dateOfBirth()));
    add(body, "issue_date", date(query.issueDate()));
    return body.build().toString();
  }

  /**
   * The answer of a 200: a JSON object whose {@code status} is one of the protocol's four values;
   * {@code registry} and {@code message} are optional strings.
   */
  static RegistryAnswer parseAnswer(byte[] body, String country) {
    JsonObject json;
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      json = reader.readObject();
    } catch (RuntimeException e) { // JsonParsingException, JsonException, or a parser's own
      throw new RegistryGatewayAnswerException("malformed answer: not a JSON object", e);
    }
    String status = string(json, "status");
    Verdict verdict = status == null ? null : VERDICTS.get(status);
    if (verdict == null) {
      throw new RegistryGatewayAnswerException("malformed answer: no known status");
    }
    String registry = string(json, "registry");
    return new RegistryAnswer(
        verdict,
        registry == null || registry.isBlank() ? defaultRegistryName(country) : registry,
        string(json, "message"));
  }

  /** What {@link HttpGovernmentRegistry} answers when the gateway cannot. */
  public static RegistryAnswer unavailable(String country, String message) {
    return new RegistryAnswer(Verdict.UNAVAILABLE, defaultRegistryName(country), message);
  }

  static String defaultRegistryName(String country) {
    return country == null
        ? "government registry"
        : "government registry (" + country.toUpperCase(Locale.ROOT) + ")";
  }

  private static String string(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value instanceof JsonString s ? s.getString() : null;
  }

  private static void add(JsonObjectBuilder body, String key, String value) {
    if (value != null) {
      body.add(key, value);
    }
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString(); // ISO-8601 yyyy-MM-dd
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** Collects the body, giving up (and closing the connection) beyond {@code max} bytes. */
  private static BodySubscriber<byte[]> limitedBody(int max) {
    return new BodySubscriber<>() {
      private final CompletableFuture<byte[]> result = new CompletableFuture<>();
      private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      private java.util.concurrent.Flow.Subscription subscription;

      @Override
      public CompletionStage<byte[]> getBody() {
        return result;
      }

      @Override
      public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
          return;
        }
        for (ByteBuffer item : items) {
          if (buffer.size() + item.remaining() > max) {
            subscription.cancel();
            result.completeExceptionally(new AnswerTooLargeException());
            return;
          }
          byte[] bytes = new byte[item.remaining()];
          item.get(bytes);
          buffer.write(bytes, 0, bytes.length);
        }
      }

      @Override
      public void onError(Throwable failure) {
        result.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        result.complete(buffer.toByteArray());
      }
    };
  }

  /** Not an {@link IOException}: an oversized answer is not worth a retry. */
  private static final class AnswerTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AnswerTooLargeException() {
      super(null, null, false, false);
    }
  }
}
