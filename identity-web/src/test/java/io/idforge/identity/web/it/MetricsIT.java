package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Domain counters in Prometheus text ({@code /metrics?scope=application}): tokens issued by key
 * type, refused requests by reason, processes started and resumed by channel. Tags are closed
 * sets: no tenant, account or process id ever appears in a series. Deltas are "at least": another
 * test class may run alongside.
 */
class MetricsIT extends ItSupport {

  private static Tenant tenant;
  private static String flowId;

  @BeforeAll
  static void setUp() {
    tenant = newTenant("Metrics");
    flowId = createFlow(tenant, flowJson("metrics", 60, "document-validation"));
  }

  private static String scrape() {
    Resp r = api.get("/metrics?scope=application", null);
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.header("Content-Type").startsWith("text/plain"), r::toString);
    return r.body();
  }

  /** The value of one series, 0 when absent. */
  static double value(String text, String name, String label, String labelValue) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)}\\s+([0-9.eE+-]+)$").matcher(text);
    while (m.find()) {
      if (m.group(1).contains(label + "=\"" + labelValue + "\"")) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }

  @Test
  void tokensIssuedAndRejectedAreCounted() {
    String before = scrape();
    mintToken(tenant, flowId);
    Resp refused = requestToken(tenant, flowId, "language", "es"); // unknown fields are refused, as Truora does
    assertEquals(400, refused.status(), refused::toString);
    String after = scrape();
    assertTrue(value(after, "identity_tokens_issued_total", "key_type", "web")
        >= value(before, "identity_tokens_issued_total", "key_type", "web") + 1, after);
    assertTrue(value(after, "identity_tokens_rejected_total", "reason", "invalid_request")
        >= value(before, "identity_tokens_rejected_total", "reason", "invalid_request") + 1, after);
    assertTrue(after.contains("# TYPE identity_tokens_issued_total counter"), after);
    assertTrue(!after.contains(tenant.clientId()) && !after.contains(flowId), "a tenant or flow id is a metric label");
  }

  /** Every series the Grafana dashboard charts is one the service exports. */
  @Test
  void theDashboardChartsOnlyExportedMetrics() throws java.io.IOException {
    java.nio.file.Path dashboard = OpenApiContract.document().resolveSibling("grafana-dashboard.json");
    String json = java.nio.file.Files.readString(dashboard);
    String scraped = scrape();
    java.util.Set<String> charted = new java.util.TreeSet<>();
    Matcher m = Pattern.compile("identity_[a-z_]+_total").matcher(json);
    while (m.find()) {
      charted.add(m.group());
    }
    assertEquals(
        java.util.Set.of("identity_tokens_issued_total", "identity_tokens_rejected_total",
            "identity_processes_started_total", "identity_processes_resumed_total", "identity_processes_finished_total"),
        charted);
    for (String name : charted) {
      assertTrue(scraped.contains("# TYPE " + name + " counter"), () -> name + " is not exported: " + scraped);
    }
  }

  @Test
  void processesStartedAndResumedAreCountedByChannel() {
    String token = mintToken(tenant, flowId);
    String before = scrape();
    openProcess(token);
    String afterStart = scrape();
    assertTrue(value(afterStart, "identity_processes_started_total", "channel", "api")
        >= value(before, "identity_processes_started_total", "channel", "api") + 1, afterStart);
    openProcess(token);
    String afterResume = scrape();
    assertTrue(value(afterResume, "identity_processes_resumed_total", "channel", "api")
        >= value(afterStart, "identity_processes_resumed_total", "channel", "api") + 1, afterResume);

    String hostedToken = mintToken(tenant, flowId);
    hostedProcessId(api.get("/?token=" + encode(hostedToken), null));
    String afterHosted = scrape();
    assertTrue(value(afterHosted, "identity_processes_started_total", "channel", "hosted")
        >= value(afterResume, "identity_processes_started_total", "channel", "hosted") + 1, afterHosted);
  }
}
