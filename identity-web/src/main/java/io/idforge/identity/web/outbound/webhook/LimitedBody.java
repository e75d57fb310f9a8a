package io.idforge.identity.web.outbound.webhook;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a receiver's answer up to a limit and throws it away: the status is all a delivery needs.
 * A short answer is read to its end, so the connection goes back to the pool (keep-alive); past
 * the limit the subscription is cancelled, which closes the connection instead of reading on.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<Void> {

  private final long limit;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private long read;

  LimitedBody(long limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<Void> getBody() {
    return done;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer b : items) {
      read += b.remaining();
    }
    if (read > limit && !done.isDone()) {
      subscription.cancel();
      done.complete(null);
    }
  }

  @Override
  public void onError(Throwable error) {
    done.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    done.complete(null);
  }
}
