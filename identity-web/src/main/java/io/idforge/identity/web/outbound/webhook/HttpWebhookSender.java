package io.idforge.identity.web.outbound.webhook;

import io.idforge.identity.core.application.port.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts webhook requests with one shared {@link HttpClient} (its pool keeps connections to a
 * receiver alive between deliveries): connect and request timeouts from configuration, redirects
 * never followed (a 3xx is a failed attempt: following one would let a receiver send the signed
 * body, or the server, somewhere the URL rules never checked), and at most {@code response-limit}
 * bytes of the answer read, then the exchange cancelled ({@link LimitedBody}). The whole exchange,
 * body included, is bounded by {@code send-timeout} on the client's own future. That bound used to
 * be Fault Tolerance's {@code @Timeout}; on Payara it schedules a context-capturing task per call,
 * which was the largest single cost of a delivery in the profile of bench/webhooks.sh. The circuit
 * breaker lives per endpoint in core ({@code EndpointBreakers}), because an FT breaker on this
 * method would be one breaker for every tenant's endpoint.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

  @Inject
  @ConfigProperty(name = "identity.webhooks.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "identity.webhooks.request-timeout", defaultValue = "PT10S")
  Duration requestTimeout;

  /** The outer bound of one attempt, answer included (a receiver dripping its body). */
  @Inject
  @ConfigProperty(name = "identity.webhooks.send-timeout", defaultValue = "PT15S")
  Duration sendTimeout;

  @Inject
  @ConfigProperty(name = "identity.webhooks.response-limit", defaultValue = "4096")
  int responseLimit;

  private HttpClient http;

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public Result send(Request request) {
    CompletableFuture<HttpResponse<Void>> exchange;
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(request.url()))
              .timeout(requestTimeout)
              .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
      request.headers().forEach(b::setHeader);
      exchange = http.sendAsync(b.build(), info -> new LimitedBody(responseLimit));
    } catch (IllegalArgumentException e) {
      return new Result(null, "invalid request");
    }
    try {
      return new Result(exchange.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS).statusCode(), null);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return new Result(null, "timeout");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        return new Result(null, "timeout");
      }
      if (cause instanceof IllegalArgumentException) {
        return new Result(null, "invalid request");
      }
      // The class name only: messages may carry the URL, which may carry a token.
      return new Result(null, "io: " + (cause instanceof IOException ? cause.getClass().getSimpleName() : "error"));
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return new Result(null, "interrupted");
    }
  }
}
