package io.idforge.identity.web.outbound.webhook;

import io.idforge.identity.core.application.port.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends webhook requests with {@link PinnedHttpClient} on the calling (sender) thread: to exactly
 * the addresses the URL rules checked (the request carries them; the host is never resolved
 * again, so DNS rebinding cannot redirect a send), keep-alive connections pooled per route,
 * connect and request timeouts from configuration, the whole exchange bounded by
 * {@code send-timeout}, redirects never followed (a 3xx is a failed attempt: following one would
 * let a receiver send the signed body, or the server, somewhere the URL rules never checked), and
 * at most {@code response-limit} bytes of the answer read. No Fault Tolerance interceptor: on
 * Payara its {@code @Timeout} schedules a context-capturing task per call, once the largest single
 * cost of a delivery (bench/webhooks.sh). The circuit breaker lives per endpoint in core
 * ({@code EndpointBreakers}), because an FT breaker on this method would be one breaker for every
 * tenant's endpoint.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

  @Inject
  @ConfigProperty(name = "identity.webhooks.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  /** Until the answer's status and headers are in. */
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

  /** How long an idle keep-alive connection is kept for reuse. */
  @Inject
  @ConfigProperty(name = "identity.webhooks.keep-alive", defaultValue = "PT30S")
  Duration keepAlive;

  /** Idle connections kept per route: one per sender thread is all that can be busy at once. */
  @Inject
  @ConfigProperty(name = "identity.webhooks.max-in-flight", defaultValue = "64")
  int maxInFlight;

  /** The JVM's default TLS context (its trust store); tests set their own. */
  SSLSocketFactory tls;

  private ConnectionPool pool;
  private PinnedHttpClient client;

  @PostConstruct
  void init() {
    if (tls == null) {
      try {
        tls = SSLContext.getDefault().getSocketFactory();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("no default TLS context", e);
      }
    }
    pool = new ConnectionPool(Math.max(1, maxInFlight), keepAlive.toNanos());
    client =
        new PinnedHttpClient(new PinnedHttpClient.Limits(connectTimeout, requestTimeout, sendTimeout, responseLimit), tls, pool);
  }

  @PreDestroy
  void close() {
    if (pool != null) {
      pool.closeAll();
    }
  }

  @Override
  public Result send(Request request) {
    if (request.addresses().isEmpty()) {
      return new Result(null, "refused: no checked address");
    }
    try {
      HttpTarget target = HttpTarget.of(request.url(), request.addresses());
      int status = client.send(target, request.method(), request.headers(), request.body().getBytes(StandardCharsets.UTF_8));
      return new Result(status, null);
    } catch (SocketTimeoutException e) {
      return new Result(null, "timeout");
    } catch (IllegalArgumentException e) {
      return new Result(null, "invalid request");
    } catch (IOException e) {
      // The class name only: messages may carry the URL, which may carry a token.
      return new Result(null, "io: " + e.getClass().getSimpleName());
    }
  }
}
