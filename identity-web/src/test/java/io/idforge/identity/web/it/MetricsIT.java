package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Domain metrics in Prometheus text ({@code /metrics?scope=application} on Payara, the micrometer
 * subsystem's {@code /prometheus} on WildFly's management interface): tokens issued by key
 * type, refused requests by reason, processes started and resumed by channel, and the check,
 * review queue and webhook series registered for every label value. Tags are closed
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
    // Payara: /metrics?scope=application behind the operator key (OperatorEndpointsFilter);
    // WildFly: the micrometer subsystem's /prometheus on the management interface.
    Resp r = api.metrics();
    assertEquals(200, r.status(), r::toString);
    ItServer server = ItServer.get();
    if (server.server.metricsBase(server.baseUri).equals(server.baseUri)) {
      assertTrue(r.header("Content-Type").startsWith("text/plain"), r::toString);
    } // WildFly's management context answers the Prometheus text without a Content-Type.
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
    // MicroProfile Metrics and Micrometer's Prometheus client name the family with or without _total.
    assertTrue(Pattern.compile("(?m)^# TYPE identity_tokens_issued(_total)? counter$").matcher(after).find(), after);
    assertTrue(!after.contains(tenant.clientId()) && !after.contains(flowId), "a tenant or flow id is a metric label");
  }

  /** Every series the Grafana dashboard charts is one the service exports. */
  @Test
  void theDashboardChartsOnlyExportedMetrics() throws java.io.IOException {
    java.nio.file.Path dashboard = OpenApiContract.document().resolveSibling("grafana-dashboard.json");
    String json = java.nio.file.Files.readString(dashboard);
    String scraped = scrape();
    java.util.Set<String> charted = new java.util.TreeSet<>();
    Matcher m = Pattern.compile("identity_[a-z_]+").matcher(json);
    while (m.find()) {
      charted.add(m.group());
    }
    assertEquals(
        java.util.Set.of("identity_tokens_issued_total", "identity_tokens_rejected_total",
            "identity_processes_started_total", "identity_processes_resumed_total", "identity_processes_finished_total",
            "identity_otp_limits_tripped_total",
            "identity_checks_duration_seconds_sum", "identity_checks_duration_seconds_count",
            "identity_review_queue_open", "identity_review_queue_oldest_age_seconds",
            "identity_webhooks_attempts_total",
            "identity_webhooks_delivery_lag_seconds_sum", "identity_webhooks_delivery_lag_seconds_count"),
        charted);
    for (String name : charted) {
      assertTrue(Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scraped).find(),
          () -> name + " is not exported: " + scraped);
    }
  }

  /**
   * Check latency, review queue and webhook series exist from start-up for every label value, so
   * rates and alerts are defined before the first check, review or delivery. (Exercising them
   * needs an uploaded document, a review or a webhook receiver: ValidationsIT, ReviewsIT and
   * WebhooksIT cover the behaviour; this test covers the export.)
   */
  @Test
  void checkReviewAndWebhookSeriesAreRegisteredForEveryLabel() {
    String scraped = scrape();
    for (String stepType : java.util.List.of(
        "phone-verification", "email-verification", "document-validation", "face-recognition")) {
      for (String outcome : java.util.List.of("passed", "failed", "undecided", "broken")) {
        assertTrue(Pattern.compile("(?m)^identity_checks_duration_seconds_count\\{[^}]*outcome=\"" + outcome
                + "\"[^}]*step_type=\"" + stepType + "\"|(?m)^identity_checks_duration_seconds_count\\{[^}]*step_type=\""
                + stepType + "\"[^}]*outcome=\"" + outcome + "\"").matcher(scraped).find(),
            () -> stepType + "/" + outcome + " check timer missing: " + scraped);
      }
      assertTrue(scraped.contains("validation_type=\"" + stepType + "\""), () -> stepType + " queue gauge missing: " + scraped);
    }
    for (String outcome : java.util.List.of("success", "retry", "failure")) {
      assertTrue(scraped.contains("identity_webhooks_attempts_total{") && scraped.contains("outcome=\"" + outcome + "\""),
          () -> outcome + " webhook counter missing: " + scraped);
    }
    assertTrue(scraped.contains("# TYPE identity_review_queue_open gauge"), scraped);
    assertTrue(scraped.contains("# TYPE identity_review_queue_oldest_age_seconds gauge"), scraped);
    assertTrue(Pattern.compile("(?m)^identity_webhooks_delivery_lag_seconds_count[{ ]").matcher(scraped).find(), scraped);
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
