package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.idforge.identity.web.it.ApiClient.Resp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Payara Micro nodes on one PostgreSQL, not clustered with each other (no shared sessions,
 * no Hazelcast), as behind a load balancer that is not sticky. {@value #DEFAULT_PROCESSES}
 * processes are driven to an outcome through the API, each call of a process on the other node
 * than the one before (token on one, process start on the other, cancel back on the first; every
 * tenth cancel sent to both nodes at once, a race); one node is killed (SIGKILL) mid-run and its
 * callers move to the survivor, as a load balancer would. Then: every process finalised exactly
 * once (one terminal event each in the event log), every event delivered at least once to a
 * receiver in this JVM and recorded once in the delivery log, nothing pending; a second endpoint
 * whose receiver answers 500 to its first three calls still gets every event it asked for. Every
 * {@value #HOSTED_EVERY}th process is opened through the hosted pages instead of the API, by a
 * browser whose requests alternate between the nodes ({@link RoundRobinBrowser}, as in
 * {@link NonStickyHostedFlowIT}): link on one node, flow page and a language change on the other.
 * {@code -Dtwonode.processes=N} runs a smaller or bigger load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Opt-in: two more Payara Micro nodes and 1,000 processes take about six minutes on 2 shared
// cores, more than the rest of the suite can spare; run it with -Dtwonode=true (README).
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "twonode", matches = "true")
class TwoNodeIT {

  private static final Logger LOG = Logger.getLogger(TwoNodeIT.class.getName());

  static final int DEFAULT_PROCESSES = 1000;
  static final int PROCESSES = Integer.getInteger("twonode.processes", DEFAULT_PROCESSES);
  /** Concurrent API callers: enough to keep both nodes busy on two cores, few enough not to queue. */
  static final int CALLERS = 12;
  static final String PROCESS_TYPE = "digital_identity.identity_process";
  static final Duration DRAIN_DEADLINE = Duration.ofSeconds(120);
  /** One process in this many starts from its link in a browser instead of the API. */
  static final int HOSTED_EVERY = 50;

  /**
   * Webhook settings of both nodes on top of the shared server's (http to 127.0.0.1, one-second
   * retries): a short claim timeout, so the rows the killed node had claimed come back within the
   * test, and a faster drain than the default for the burst of events.
   */
  static final Map<String, String> NODE_SETTINGS = nodeSettings();

  private TwoNodes nodes;
  private ItServer nodeA;
  private ItServer nodeB;
  private ApiClient apiA;
  private ApiClient apiB;
  private HttpServer receiver;
  private ExecutorService receiverThreads;

  /** Event ids seen by each receiver path, with how many times. */
  private final Map<String, Map<String, AtomicInteger>> receivedByPath = new ConcurrentHashMap<>();
  private final AtomicInteger flakyCalls = new AtomicInteger();
  private final AtomicInteger hostedOpens = new AtomicInteger();
  /**
   * Set just before node B is killed: B's connections drop at once, but the process stays
   * "alive" until it is reaped, which under load took long enough for a failed call to be taken
   * for a real failure.
   */
  private volatile boolean killingB;

  private String backendKey;
  private String clientId;
  private String allEndpoint;
  private String flakyEndpoint;

  private static Map<String, String> nodeSettings() {
    Map<String, String> s = new HashMap<>(ItServer.SHARED_SETTINGS);
    s.put("IDENTITY_WEBHOOKS_CLAIM_TIMEOUT", "PT10S");
    s.put("IDENTITY_WEBHOOKS_DRAIN_INTERVAL", "PT0.25S");
    s.put("IDENTITY_WEBHOOKS_MAX_IN_FLIGHT", "64");
    s.put("IDENTITY_FACE_ENABLED", "false");
    return Map.copyOf(s);
  }

  @BeforeAll
  void start() throws Exception {
    receiverThreads = Executors.newFixedThreadPool(8);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    receiver.createContext("/all", ex -> answer(ex, "all", 200));
    receiver.createContext("/flaky", ex -> answer(ex, "flaky", flakyCalls.incrementAndGet() <= 3 ? 500 : 200));
    receiver.setExecutor(receiverThreads);
    receiver.start();

    nodes = TwoNodes.start("it-node", NODE_SETTINGS, "TwoNode");
    nodeA = nodes.a;
    nodeB = nodes.b;
    apiA = nodes.apiA;
    apiB = nodes.apiB;
    backendKey = nodes.backendKey;
    clientId = nodes.clientId;
    String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
    Resp all = apiB.postJson("/v1/hooks/endpoints", backendKey, "{\"url\":\"" + base + "/all\"}");
    assertEquals(201, all.status(), all::toString);
    allEndpoint = all.json().getString("endpoint_id");
    Resp flaky = apiA.postJson("/v1/hooks/endpoints", backendKey, "{\"url\":\"" + base + "/flaky\",\"event_types\":[\""
        + PROCESS_TYPE + "\"],\"event_actions\":[\"failed\"]}");
    assertEquals(201, flaky.status(), flaky::toString);
    flakyEndpoint = flaky.json().getString("endpoint_id");
  }

  @AfterAll
  void stop() throws IOException {
    if (nodes != null) {
      nodes.close();
    }
    if (receiver != null) {
      receiver.stop(0);
      receiverThreads.shutdownNow();
    }
  }


  private void answer(HttpExchange ex, String path, int status) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      String eventId = ex.getRequestHeaders().getFirst("Idforge-Event-Id");
      if (status == 200 && eventId != null) {
        receivedByPath.computeIfAbsent(path, k -> new ConcurrentHashMap<>())
            .computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
      }
      ex.sendResponseHeaders(status, -1);
    }
  }

  @Test
  void everyProcessFinalisesOnceAndEveryEventArrivesThoughANodeDiesMidRun() throws Exception {
    String flowId = createFlow();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failovers = new AtomicInteger();
    List<Future<String>> runs = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < PROCESSES; i++) {
      int n = i;
      runs.add(callers.submit(() -> {
        String processId = driveOne(n, flowId, failovers);
        done.incrementAndGet();
        return processId;
      }));
    }
    // Kill B once 40 % are through: its in-flight requests fail and move to A, its claimed webhook
    // rows come back after the claim timeout.
    while (done.get() < PROCESSES * 2 / 5) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    int atKill = done.get();
    killingB = true;
    nodeB.kill();
    assertFalse(nodeB.isAlive(), "node B was killed");
    Set<String> processIds = new HashSet<>();
    for (Future<String> f : runs) {
      processIds.add(f.get(5, TimeUnit.MINUTES));
    }
    callers.shutdown();
    double driveSeconds = (System.nanoTime() - started) / 1e9;
    assertEquals(PROCESSES, processIds.size(), "one process per run");
    assertTrue(hostedOpens.get() >= PROCESSES / HOSTED_EVERY, "processes opened through the hosted pages: " + hostedOpens);

    try (Connection db = nodeA.openDatabase()) {
      long drainStart = System.nanoTime();
      awaitNothingPending(db);
      double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
      LOG.info(() -> String.format(
          "TwoNodeIT: %d processes in %.1f s (%.0f/s), node B killed after %d, %d calls moved to A; deliveries done %.1f s later",
          PROCESSES, driveSeconds, PROCESSES / driveSeconds, atKill, failovers.get(), drainSeconds));

      // Every process finalised, with exactly one terminal event.
      Map<String, Integer> terminal = countBy(db,
          "SELECT process_id, count(*) FROM process_event WHERE client_id = ? AND event_type = '" + PROCESS_TYPE
              + "' AND event_action IN ('succeeded', 'failed') GROUP BY process_id");
      assertEquals(processIds, terminal.keySet(), "a terminal event for every process, and only for them");
      Map<String, Integer> twice = new HashMap<>(terminal);
      twice.values().removeIf(c -> c == 1);
      assertTrue(twice.isEmpty(), () -> "processes finalised more than once: " + twice);
      assertEquals(0, count(db, "SELECT count(*) FROM identity_process WHERE client_id = ? AND status = 'pending'"),
          "no process left pending");
      assertEquals(PROCESSES, count(db, "SELECT count(*) FROM identity_process WHERE client_id = ?"));

      // Every event of the tenant has one delivery record per endpoint, delivered, and the receiver got it.
      Set<String> events = ids(db, "SELECT event_id FROM process_event WHERE client_id = ?");
      Set<String> failedEvents = ids(db, "SELECT event_id FROM process_event WHERE client_id = ? AND event_type = '"
          + PROCESS_TYPE + "' AND event_action = 'failed'");
      assertTrue(events.size() >= 2 * PROCESSES, "created and failed at least: " + events.size());
      assertEquals(PROCESSES, failedEvents.size(), "one failed event per process");
      assertDeliveredOnce(db, allEndpoint, events, "all");
      assertDeliveredOnce(db, flakyEndpoint, failedEvents, "flaky");
      assertTrue(flakyCalls.get() >= failedEvents.size() + 3, "the flaky receiver's three 500s were retried");
      assertTrue(count(db, "SELECT count(*) FROM webhook_delivery WHERE endpoint_id = '" + flakyEndpoint
          + "' AND client_id = ? AND attempts > 1") >= 1, "a delivery needed more than one attempt");
      int duplicates = receivedByPath.values().stream().flatMap(m -> m.values().stream())
          .mapToInt(c -> c.get() - 1).sum();
      LOG.info(() -> "TwoNodeIT: " + events.size() + " events, " + duplicates
          + " received again (at least once: the killed node's sends in flight)");
    }
  }

  /** token on one node, process start on the other, cancel back on the first (every tenth on both at once). */
  private String driveOne(int n, String flowId, AtomicInteger failovers) throws Exception {
    boolean onA = n % 2 == 0;
    String token = call(onA, failovers, api -> {
      Resp r = api.postForm("/v1/api-keys", backendKey, "key_type", "web", "grant", "digital-identity",
          "api_key_version", "1", "country", "ALL", "redirect_url", "https://example.com/done",
          "flow_id", flowId, "account_id", "twonode-" + n);
      assertEquals(200, r.status(), r::toString);
      return r.json().getString("api_key");
    });
    String processId = n % HOSTED_EVERY == 3
        ? openThroughHostedPages(token, failovers)
        : call(!onA, failovers, api -> {
          Resp r = api.postEmpty("/v1/processes", token);
          assertEquals(200, r.status(), r::toString);
          return r.json().getString("process_id");
        });
    Function<ApiClient, Resp> cancel = api -> {
      Resp r = api.delete("/v1/processes/" + processId, backendKey);
      assertEquals(200, r.status(), r::toString);
      return r;
    };
    if (n % 10 == 5 && nodeB.isAlive()) {
      // The same cancel on both nodes at once: one wins the row lock, the other finds it final.
      CompletableFuture<Resp> other = CompletableFuture.supplyAsync(() -> call(false, failovers, cancel));
      call(true, failovers, cancel);
      other.join();
    } else {
      call(onA, failovers, cancel);
    }
    return processId;
  }

  /**
   * The process URL in a browser that a non-sticky balancer spreads over the live nodes: the link
   * on one, the flow page on the other, a language change on the first that holds on the second.
   * When a request fails because node B was killed, the browser starts over on the survivor, as
   * after a balancer took the node out: opening the link again resumes the same process.
   */
  private String openThroughHostedPages(String token, AtomicInteger failovers) {
    for (int attempt = 1; ; attempt++) {
      try {
        return openThroughHostedPagesOnce(token);
      } catch (UncheckedIOException | AssertionError e) {
        if (nodeB.isAlive() && attempt > 1 || attempt > 3) {
          throw e; // both nodes up after a retry, or failing on the survivor: a real failure
        }
        failovers.incrementAndGet();
      }
    }
  }

  private String openThroughHostedPagesOnce(String token) {
    RoundRobinBrowser browser = new RoundRobinBrowser(() -> nodeB.isAlive() ? List.of(apiA, apiB) : List.of(apiA));
    Resp opened = browser.get("/?token=" + ApiClient.enc(token) + "&lang=pt");
    assertEquals(303, opened.status(), opened::toString);
    Resp page = browser.follow(opened);
    String location = browser.lastPath();
    assertTrue(page.body().contains("id=\"send\"") && inLanguage(page, "pt"),
        () -> "the e-mail step in Portuguese on the other node: " + RoundRobinBrowser.summary(page));
    assertTrue(inLanguage(browser.follow(browser.get("/flow.xhtml?lang=en")), "en"), "English");
    Resp english = browser.follow(browser.get(location));
    assertTrue(inLanguage(english, "en") && english.body().contains("id=\"send\""),
        () -> "the language held on the other node: " + RoundRobinBrowser.summary(english));
    hostedOpens.incrementAndGet();
    return location.substring(location.indexOf("process_id=") + "process_id=".length());
  }

  private static boolean inLanguage(Resp page, String lang) {
    return java.util.regex.Pattern.compile("<html[^>]* lang=\"" + lang + "\"").matcher(page.body()).find();
  }

  /**
   * One API call on the chosen node; when that node does not answer (killed: refused or reset
   * connection, or a 5xx from a node going down), the same call goes to the other node, as a load
   * balancer retries an idempotent request. Every call here is safe to repeat: a token mint only
   * leaves an unused token, a process start with the same token resumes, a cancel of a final
   * process changes nothing.
   */
  private <T> T call(boolean onA, AtomicInteger failovers, Function<ApiClient, T> request) {
    ApiClient first = onA || !nodeB.isAlive() ? apiA : apiB;
    try {
      return request.apply(first);
    } catch (UncheckedIOException | AssertionError e) {
      if (first == apiA || (nodeB.isAlive() && !killingB)) {
        throw e; // A is the survivor: its failures are real
      }
      failovers.incrementAndGet();
      return request.apply(apiA);
    }
  }

  private String createFlow() {
    Resp r = apiA.postJson("/v1/flows", backendKey,
        "{\"name\":\"two nodes\",\"time_to_live\":60,\"steps\":[{\"type\":\"email-verification\"}]}");
    assertEquals(201, r.status(), r::toString);
    return r.json().getString("flow_id");
  }

  private void awaitNothingPending(Connection db) throws SQLException, InterruptedException {
    long end = System.nanoTime() + DRAIN_DEADLINE.toNanos();
    long pending = -1;
    while (System.nanoTime() < end) {
      pending = count(db, "SELECT count(*) FROM webhook_delivery WHERE client_id = ? AND status <> 'success'");
      if (pending == 0) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError(pending + " deliveries not delivered within " + DRAIN_DEADLINE);
  }

  private void assertDeliveredOnce(Connection db, String endpointId, Set<String> events, String path) throws SQLException {
    Map<String, Integer> records = countBy(db, "SELECT event_id, count(*) FROM webhook_delivery WHERE client_id = ? AND endpoint_id = '"
        + endpointId + "' AND status = 'success' GROUP BY event_id");
    assertEquals(events, records.keySet(), path + ": a delivered record for every event");
    Map<String, Integer> more = new HashMap<>(records);
    more.values().removeIf(c -> c == 1);
    assertTrue(more.isEmpty(), () -> path + ": events recorded more than once: " + more);
    Set<String> received = receivedByPath.getOrDefault(path, Map.of()).keySet();
    Set<String> missing = new HashSet<>(events);
    missing.removeAll(received);
    assertTrue(missing.isEmpty(), () -> path + ": " + missing.size() + " events never received, e.g. " + missing.iterator().next());
  }

  private long count(Connection db, String sql) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setString(1, clientId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Map<String, Integer> countBy(Connection db, String sql) throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setString(1, clientId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return out;
  }

  private Set<String> ids(Connection db, String sql) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setString(1, clientId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
