package io.idforge.identity.core.application.port;

import java.util.Map;

/**
 * Sends one webhook request and reports what came back; implemented by an outbound adapter with
 * timeouts, no redirects and a bounded read of the answer. Never throws for the receiver's
 * failures: they are results.
 */
public interface WebhookSender {

  /** One request, fully prepared (body signed, headers set). */
  record Request(String url, String method, Map<String, String> headers, String body) {}

  /**
   * What happened: the HTTP status, or null with a short, secret-free {@code error} when no answer
   * came (timeout, refused, TLS, open breaker).
   */
  record Result(Integer httpStatus, String error) {
    public boolean delivered() {
      return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
  }

  Result send(Request request);
}
