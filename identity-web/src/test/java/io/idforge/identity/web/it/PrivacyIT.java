package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Privacy at rest and retention, proved on the real PostgreSQL: personal data (account names,
 * e-mail, phone, document number; the token's phones, e-mails and start metadata) is nowhere in
 * plaintext in any column of any table while the processes live; {@code DELETE /v1/processes/{id}}
 * cancels and redacts a pending process at once; the retention purge, run as of an instant before
 * and after the tenant's 30 days, leaves a finished process alone and then erases it; afterwards
 * neither the plaintext nor the ciphertexts seen before are anywhere, while outcomes stay. Waits
 * for one process to expire (one-minute time to live), so it runs alongside the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class PrivacyIT extends ItSupport {

  /** One person's data, unique per run so the scans find only this test's rows. */
  record Person(String accountId, String first, String last, String email, String phoneDigits, String document, String metadata) {

    static Person random(String label) {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      String tag = Long.toString(r.nextLong(1L << 40, 1L << 41), 36);
      return new Person(
          "acc-" + label + "-" + tag,
          "Zorbatrix" + tag,
          "Quellenbach" + tag,
          "privacy." + tag + "@example.org",
          "310" + (1_000_000 + r.nextInt(8_999_999)),
          "98" + (10_000_000 + r.nextInt(89_999_999)),
          "meta" + tag);
    }

    /** What must never be stored in plaintext (lower case: the scan ignores case). */
    List<String> needles() {
      return List.of(first.toLowerCase(), last.toLowerCase(), email, phoneDigits, document, metadata);
    }
  }

  private Tenant tenant;
  private Person purged;
  private Person deleted;
  private String purgedProcess;
  private String deletedProcess;

  @BeforeAll
  void startTwoProcessesWithPersonalData() {
    tenant = newTenant("Privacy");
    Resp retention = adminPut("/v1/admin/clients/" + tenant.clientId(), "retention=P30D");
    assertEquals(200, retention.status(), retention::toString);
    assertEquals("P30D", retention.json().getString("retention"));
    String flow = createFlow(tenant, flowJson("Privacy", 1, "email-verification"));
    purged = Person.random("p");
    deleted = Person.random("d");
    purgedProcess = startProcess(flow, purged);
    deletedProcess = startProcess(flow, deleted);
  }

  private String startProcess(String flow, Person p) {
    Resp account =
        api.postForm(
            "/v1/accounts", tenant.apiKey(),
            "account_id", p.accountId(),
            "first_name", p.first(),
            "last_name", p.last(),
            "email", p.email(),
            "country", "co",
            "document_type", "national-id",
            "document_number", p.document(),
            "phone_number", "+57" + p.phoneDigits());
    assertEquals(201, account.status(), account::toString);
    String token =
        mintToken(
            tenant, flow,
            "account_id", p.accountId(),
            "phone", "+57" + p.phoneDigits(),
            "emails", p.email(),
            "start_variables.metadata.holder", p.metadata());
    return processIdOf(token);
  }

  @Test
  void personalDataIsSealedAtRestAndDeleteAndPurgeLeaveNothing() throws Exception {
    // The service still reads its data back (the converters open what they sealed) ...
    JsonObject account = api.get("/v1/accounts/" + purged.accountId(), tenant.apiKey()).json();
    assertEquals(purged.first(), account.getString("first_name"));
    assertEquals(purged.document(), account.getString("national_id"));
    JsonObject result = api.get("/v1/processes/" + purgedProcess + "/result", tenant.apiKey()).json();
    assertTrue(result.toString().contains(purged.metadata()), "start metadata is returned: " + result);

    // ... but no column of any table holds it in plaintext: encryption at rest.
    List<String> everyone = new ArrayList<>(purged.needles());
    everyone.addAll(deleted.needles());
    assertEquals(Map.of(), scan(everyone), "plaintext personal data at rest");
    List<String> sealedBefore = sealedValues(purged);
    sealedBefore.addAll(sealedValues(deleted));
    assertFalse(sealedBefore.isEmpty());
    for (String v : sealedBefore) {
      assertTrue(v.startsWith("enc1:"), () -> "not sealed: a value of " + v.length() + " characters");
    }

    // DELETE: a pending process is canceled, then redacted at once; Truora's answer.
    Resp del = api.delete("/v1/processes/" + deletedProcess, tenant.apiKey());
    assertEquals(200, del.status(), del::toString);
    assertEquals("Identity Process successfully deleted", del.json().getString("message"));
    JsonObject afterDelete = api.get("/v1/processes/" + deletedProcess + "/result", tenant.apiKey()).json();
    assertEquals("failure", afterDelete.getString("status"));
    assertEquals("canceled", afterDelete.getString("declined_reason"));
    assertEquals(Map.of(), scan(deleted.needles()), "personal data left after DELETE");
    assertEquals(200, api.delete("/v1/processes/" + deletedProcess, tenant.apiKey()).status(), "a second DELETE");
    assertEquals(1, redactedEvents(deletedProcess), "one redacted event, by the backend key");

    // The other process keeps its data until its retention is over.
    assertEquals(purged.first(), api.get("/v1/accounts/" + purged.accountId(), tenant.apiKey()).json().getString("first_name"));

    // Retention: the purged process finishes (expires) first; the purge as of 29 days later
    // leaves it, as of 31 days later erases it.
    JsonObject finished = awaitFailure(purgedProcess);
    assertEquals("expired", finished.getString("failure_status"));
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    assertEquals(200, purge(now.plusDays(29)).status());
    assertEquals(0, redactedEvents(purgedProcess), "kept within its 30 days");
    assertEquals(purged.first(), api.get("/v1/accounts/" + purged.accountId(), tenant.apiKey()).json().getString("first_name"));
    Resp run = purge(now.plusDays(31));
    assertEquals(200, run.status(), run::toString);
    assertTrue(run.json().getInt("redacted") >= 1, run::toString);
    assertEquals(1, redactedEvents(purgedProcess), "the purge is recorded");

    // Nothing personal remains: no plaintext, and none of the ciphertexts seen before.
    List<String> all = new ArrayList<>(everyone);
    all.addAll(sealedBefore);
    assertEquals(Map.of(), scan(all), "personal data or its ciphertext left after the purge");

    // The outcome and reasons stay.
    JsonObject after = api.get("/v1/processes/" + purgedProcess + "/result", tenant.apiKey()).json();
    assertEquals("failure", after.getString("status"));
    assertEquals("expired", after.getString("failure_status"));
    assertEquals(finished.getString("expired_reason"), after.getString("expired_reason"));
    assertEquals(finished.getString("flow_id"), after.getString("flow_id"));
    assertFalse(after.toString().contains(purged.metadata()));
  }

  @Test
  void aPlaintextRowFromBeforeEncryptionIsReadAndThenSealed() throws Exception {
    Person legacy = Person.random("l");
    Resp created =
        api.postForm("/v1/accounts", tenant.apiKey(), "account_id", legacy.accountId(), "first_name", "placeholder");
    assertEquals(201, created.status(), created::toString);
    // As a row written before V7 (or by a node of the previous version) looks: plaintext.
    try (Connection c = ItServer.get().openDatabase();
        PreparedStatement s = c.prepareStatement("UPDATE account SET first_name = ? WHERE client_id = ? AND account_id = ?")) {
      s.setString(1, legacy.first());
      s.setString(2, tenant.clientId());
      s.setString(3, legacy.accountId());
      assertEquals(1, s.executeUpdate());
    }
    assertEquals(legacy.first(), api.get("/v1/accounts/" + legacy.accountId(), tenant.apiKey()).json().getString("first_name"));

    // The purge pass (like every start-up) seals it; the service still reads it.
    assertEquals(200, purge(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1)).status());
    List<String> stored = new ArrayList<>();
    try (Connection c = ItServer.get().openDatabase()) {
      collect(c, "SELECT first_name FROM account WHERE client_id = ? AND account_id = ?", legacy.accountId(), stored);
    }
    assertEquals(1, stored.size());
    assertTrue(stored.get(0).startsWith("enc1:"), "sealed by the pass");
    assertFalse(stored.get(0).toLowerCase().contains(legacy.first().toLowerCase()));
    assertEquals(legacy.first(), api.get("/v1/accounts/" + legacy.accountId(), tenant.apiKey()).json().getString("first_name"));
  }

  @Test
  void anUnknownOrForeignProcessIsNotFound() {
    Tenant other = newTenant("PrivacyOther");
    assertError(api.delete("/v1/processes/" + purgedProcess, other.apiKey()), 404, 10404, "Resource not found");
    assertError(api.delete("/v1/processes/IDP00000000000000000000000000000000", tenant.apiKey()), 404, 10404, "Resource not found");
  }

  @Test
  void retentionIsCheckedByTheAdminApi() {
    assertInvalid(adminPut("/v1/admin/clients/" + tenant.clientId(), "retention=soon"), "Invalid request: retention must be an ISO-8601 duration such as P30D");
    assertEquals(404, adminPut("/v1/admin/clients/TCI00000000000000000000000000000000", "retention=P1D").status());
    assertInvalid(purge(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)), "Invalid request: as_of must not be in the past");
  }

  // ----------------------------------------------------------------------------------- helpers

  private Resp adminPut(String path, String body) {
    return api.send(
        HttpRequest.newBuilder(api.uri(path))
            .header("Identity-Admin-Key", ItServer.get().adminKey)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Resp purge(OffsetDateTime asOf) {
    return api.send(
        HttpRequest.newBuilder(api.uri("/v1/admin/retention/purge"))
            .header("Identity-Admin-Key", ItServer.get().adminKey)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("as_of=" + encode(asOf.toString()))));
  }

  private JsonObject awaitFailure(String processId) throws InterruptedException {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonObject p = api.get("/v1/processes/" + processId + "/result", tenant.apiKey()).json();
      if ("failure".equals(p.getString("status"))) {
        return p;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(processId + " did not expire within 3 minutes");
  }

  /** The sealed values stored for a person's account, process start data and token request data. */
  private List<String> sealedValues(Person p) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = ItServer.get().openDatabase()) {
      collect(c, "SELECT email, first_name, last_name, phone_number, document_number FROM account"
          + " WHERE client_id = ? AND account_id = ?", p.accountId(), values);
      collect(c, "SELECT start_data FROM identity_process WHERE client_id = ? AND account_id = ?", p.accountId(), values);
      collect(c, "SELECT request_data FROM web_token WHERE client_id = ? AND account_id = ?", p.accountId(), values);
    }
    return values;
  }

  private void collect(Connection c, String sql, String accountId, List<String> into) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, tenant.clientId());
      s.setString(2, accountId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            String v = rs.getString(i);
            if (v != null) {
              into.add(v);
            }
          }
        }
      }
    }
  }

  private long redactedEvents(String processId) throws SQLException {
    try (Connection c = ItServer.get().openDatabase();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM process_event WHERE client_id = ? AND process_id = ?"
                    + " AND event_type = 'digital_identity.identity_process' AND event_action = 'redacted'")) {
      s.setString(1, tenant.clientId());
      s.setString(2, processId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Every column of every table of the schema (from information_schema), cast to text and
   * compared case-insensitively with each needle.
   *
   * @return "table.column" → the needles' positions in the list found there; empty when clean
   */
  static Map<String, List<Integer>> scan(List<String> needles) throws SQLException {
    Map<String, List<Integer>> found = new TreeMap<>();
    try (Connection c = ItServer.get().openDatabase()) {
      List<String[]> columns = new ArrayList<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT c.table_name, c.column_name FROM information_schema.columns c"
                      + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                      + " WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      assertTrue(columns.size() > 50, "the scan sees the whole schema: " + columns.size() + " columns");
      for (String[] col : columns) {
        // One pass over the column per scan: a SUM per needle.
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < needles.size(); i++) {
          sql.append(i == 0 ? "" : ", ").append("SUM(CASE WHEN POSITION(LOWER(?) IN v) > 0 THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM (SELECT LOWER(CAST(\"").append(col[1]).append("\" AS TEXT)) AS v FROM \"")
            .append(col[0]).append("\") x");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
          for (int i = 0; i < needles.size(); i++) {
            s.setString(i + 1, needles.get(i));
          }
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            for (int i = 0; i < needles.size(); i++) {
              if (rs.getLong(i + 1) > 0) {
                found.computeIfAbsent(col[0] + "." + col[1], k -> new ArrayList<>()).add(i);
              }
            }
          }
        }
      }
    }
    return found;
  }
}
