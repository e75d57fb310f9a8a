package io.idforge.identity.web.outbound.webhook;

import io.idforge.identity.core.application.port.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Posts webhook requests with {@link HttpClient}: connect and request timeouts from configuration,
 * redirects never followed (a 3xx is a failed attempt: following one would let a receiver send
 * the signed body, or the server, somewhere the URL rules never checked), and at most
 * {@code response-limit} bytes of the answer read, then the stream closed. Fault Tolerance's
 * {@code @Timeout} (milliseconds: Payara's FT ignores the unit) is the outer bound above the HTTP
 * timeout. The circuit breaker lives per endpoint in core ({@code EndpointBreakers}), because an
 * FT breaker on this method would be one breaker for every tenant's endpoint.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

  @Inject
  @ConfigProperty(name = "identity.webhooks.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "identity.webhooks.request-timeout", defaultValue = "PT10S")
  Duration requestTimeout;

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
  @Timeout(15000)
  public Result send(Request request) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(requestTimeout)
            .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    request.headers().forEach(b::setHeader);
    try {
      HttpResponse<InputStream> response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        // Read a little so keep-alive works for small answers; never more.
        body.readNBytes(responseLimit);
      }
      return new Result(response.statusCode(), null);
    } catch (HttpTimeoutException e) {
      return new Result(null, "timeout");
    } catch (IOException e) {
      // The class name only: messages may carry the URL, which may carry a token.
      return new Result(null, "io: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(null, "interrupted");
    } catch (IllegalArgumentException e) {
      return new Result(null, "invalid request");
    }
  }
}
