package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts under load. Four clients create accounts without pause while the database
 * is stopped for two seconds and started again. Every answer must be a 201 or, while the database
 * is away, a quick 503 in the error envelope (no 500, no hanging request); the service must be
 * back within 10 s of the database, with no error after that; and every account acknowledged with
 * 201 must be there afterwards.
 */
class FailoverIT {

  private static final int CLIENTS = 4;
  private static final Duration OUTAGE = Duration.ofSeconds(2);
  private static final Duration RECOVERY_BUDGET = Duration.ofSeconds(10);
  /** Longest acceptable answer: a request during the outage must fail fast, never wait it out. */
  private static final Duration FAIL_FAST = Duration.ofSeconds(5);

  /** One request of the load: what was sent, what came back, when. */
  record Attempt(String accountId, long startNanos, long endNanos, int status, String body) {
    Duration latency() {
      return Duration.ofNanos(endNanos - startNanos);
    }
  }

  @Test
  void theServiceRidesOutADatabaseRestart() throws Exception {
    HardenedServer hardened = HardenedServer.get();
    ApiClient api = hardened.api;
    Resp created = api.createClient("failover-" + UUID.randomUUID().toString().substring(0, 8), "backend");
    assertEquals(201, created.status(), created::toString);
    String key = created.json().getString("api_key");
    // A user's process link, opened while the database is away: the hosted pages answer like the API.
    Resp flow = api.postJson("/v1/flows", key, ItSupport.flowJson("Failover", 60, "email-verification"));
    assertEquals(201, flow.status(), flow::toString);
    Resp token = api.postForm("/v1/api-keys", key, ItSupport.webTokenForm(flow.json().getString("flow_id"), "account_id", "fo-user"));
    assertEquals(200, token.status(), token::toString);
    String link = "/?token=" + token.json().getString("api_key");

    List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      load.submit(() -> {
        while (running.get()) {
          attempts.add(createAccount(api, key));
        }
      });
    }
    awaitSuccesses(attempts, 20, Duration.ofSeconds(30));

    long stoppedAt = System.nanoTime();
    hardened.database.stop();
    long pageAsked = System.nanoTime();
    Resp page = api.send(api.request(link, null).timeout(Duration.ofSeconds(30)).GET());
    long pageMillis = Duration.ofNanos(System.nanoTime() - pageAsked).toMillis();
    TimeUnit.MILLISECONDS.sleep(Math.max(0, OUTAGE.toMillis() - pageMillis)); // the outage itself: nothing to poll for
    hardened.database.start();
    long backAt = System.nanoTime();

    long firstSuccess = awaitFirstSuccessAfter(attempts, backAt, RECOVERY_BUDGET.plusSeconds(20));
    // Then keep the load on for a while to see that nothing fails any more.
    TimeUnit.SECONDS.sleep(5);
    running.set(false);
    load.shutdown();
    assertTrue(load.awaitTermination(60, TimeUnit.SECONDS), "load clients did not stop");

    List<Attempt> all = List.copyOf(attempts);
    List<String> wrong = new ArrayList<>();
    int unavailable = 0;
    Duration slowest = Duration.ZERO;
    for (Attempt a : all) {
      if (a.latency().compareTo(slowest) > 0) {
        slowest = a.latency();
      }
      if (a.status() == 201) {
        continue;
      }
      if (a.status() == 503 && isUnavailableEnvelope(a.body())) {
        unavailable++;
        if (a.startNanos() > firstSuccess) {
          wrong.add("503 after recovery: " + a);
        }
        continue;
      }
      wrong.add("HTTP " + a.status() + " " + a.body());
    }
    Duration recovery = Duration.ofNanos(firstSuccess - backAt);
    long acknowledged = all.stream().filter(a -> a.status() == 201).count();
    System.out.printf(
        "FailoverIT: %d requests, %d acknowledged, %d answered 503, %d wrong; outage %d ms; first success %d ms"
            + " after the database was back; slowest answer %d ms%n",
        all.size(), acknowledged, unavailable, wrong.size(), Duration.ofNanos(backAt - stoppedAt).toMillis(),
        recovery.toMillis(), slowest.toMillis());

    // The hosted page during the outage: 503, Retry-After, "try again in a moment" (not the 500 page).
    assertEquals(503, page.status(), page::toString);
    assertEquals("2", page.header("Retry-After"), page::toString);
    assertTrue(page.body().contains("data-code=\"service.unavailable\""), page::toString);
    assertTrue(pageMillis <= FAIL_FAST.toMillis(), () -> "the hosted page took " + pageMillis + " ms");

    assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong answers, first: " + wrong.subList(0, Math.min(5, wrong.size())));
    assertTrue(unavailable > 0, "no request met the outage, so fail-fast was not exercised");
    assertTrue(recovery.compareTo(RECOVERY_BUDGET) <= 0, () -> "service back only " + recovery + " after the database");
    Duration slowestAnswer = slowest;
    assertTrue(slowestAnswer.compareTo(FAIL_FAST) <= 0, () -> "a request took " + slowestAnswer);

    // Durability: every acknowledged write is there.
    List<String> missing = new ArrayList<>();
    for (Attempt a : all) {
      if (a.status() == 201) {
        Resp read = api.get("/v1/accounts/" + a.accountId(), key);
        if (read.status() != 200) {
          missing.add(a.accountId() + " -> " + read);
        }
      }
    }
    assertTrue(missing.isEmpty(), () -> missing.size() + " acknowledged accounts missing: " + missing);
  }

  private static Attempt createAccount(ApiClient api, String key) {
    String accountId = "fo-" + UUID.randomUUID();
    long start = System.nanoTime();
    try {
      Resp r =
          api.send(
              api.request("/v1/accounts", key)
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(
                      ApiClient.form("account_id", accountId, "first_name", "Ana"), StandardCharsets.UTF_8)));
      return new Attempt(accountId, start, System.nanoTime(), r.status(), r.body());
    } catch (UncheckedIOException e) {
      return new Attempt(accountId, start, System.nanoTime(), -1, e.getCause().toString());
    }
  }

  private static boolean isUnavailableEnvelope(String body) {
    try {
      JsonObject o = Json.createReader(new StringReader(body)).readObject();
      return o.getInt("code") == 10500 && o.getInt("http_code") == 503 && !o.getString("message").isBlank()
          && o.size() == 3;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void awaitSuccesses(List<Attempt> attempts, int count, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      synchronized (attempts) {
        if (attempts.stream().filter(a -> a.status() == 201).count() >= count) {
          return;
        }
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("the load never got going: " + attempts.stream().limit(5).toList());
  }

  /** The start time of the first request that began after {@code after} and succeeded. */
  private static long awaitFirstSuccessAfter(List<Attempt> attempts, long after, Duration deadline)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      synchronized (attempts) {
        var first = attempts.stream().filter(a -> a.status() == 201 && a.startNanos() >= after).mapToLong(Attempt::endNanos).min();
        if (first.isPresent()) {
          return first.getAsLong();
        }
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("no success within " + deadline + " of the database coming back; last answers: "
        + attempts.subList(Math.max(0, attempts.size() - 3), attempts.size()));
  }
}
