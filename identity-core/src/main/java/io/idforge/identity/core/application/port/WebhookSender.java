package io.idforge.identity.core.application.port;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * Sends one webhook request and reports what came back; implemented by an outbound adapter with
 * timeouts, no redirects and a bounded read of the answer. Never throws for the receiver's
 * failures: they are results.
 */
public interface WebhookSender {

  /**
   * One request, fully prepared (body signed, headers set). {@code addresses} are the ones the URL
   * rules checked for the URL's host: the sender connects to one of them and never resolves the
   * host again (a second answer could be a private address: DNS rebinding). Empty: not sent.
   */
  record Request(String url, String method, Map<String, String> headers, String body, List<InetAddress> addresses) {
    public Request {
      addresses = List.copyOf(addresses);
    }
  }

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
