package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes probes: {@code /health/ready} reports the database (reachable, every migration
 * applied), the face engine (on in this build), OCR, SMTP (GreenMail is configured) and SMS (not
 * configured); {@code /health/live} the application only.
 */
class HealthIT extends ItSupport {

  /**
   * WildFly's own checks, next to the application's on its management interface (it serves
   * MicroProfile Health there, not on the application's port).
   */
  private static final java.util.Set<String> SERVER_CHECKS =
      java.util.Set.of("boot-errors", "server-state", "suspend-state", "deployments-status", "live-server",
          "ready-deployment.identity.war", "started-deployment.identity.war", "empty-readiness-checks",
          "empty-liveness-checks", "empty-startup-checks");

  private static Map<String, JsonObject> checks(Resp r) {
    Map<String, JsonObject> byName = new HashMap<>();
    for (JsonValue v : r.array("checks")) {
      if (SERVER_CHECKS.contains(v.asJsonObject().getString("name"))) {
        continue;
      }
      byName.put(v.asJsonObject().getString("name"), v.asJsonObject());
    }
    return byName;
  }

  /** Payara writes every data value as a string; read either form. */
  private static String data(JsonObject check, String key) {
    JsonValue v = check.getJsonObject("data").get(key);
    assertNotNull(v, () -> "no " + key + " in " + check);
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  /**
   * The face engine loads in the background after start-up ({@code loading}, UP): wait for its
   * outcome before asserting it.
   */
  private static Resp readinessAfterTheFaceEngineLoaded() {
    return poll(java.time.Duration.ofSeconds(120), () -> api.health("/health/ready"), r -> {
      JsonObject face = r.status() == 200 ? checks(r).get("face-engine") : null;
      return face == null || !"loading".equals(data(face, "state"));
    });
  }

  @Test
  void readinessReportsEveryDependency() {
    Resp r = readinessAfterTheFaceEngineLoaded();
    assertEquals(200, r.status(), r::toString);
    assertEquals("UP", r.json().getString("status"), r::toString);
    Map<String, JsonObject> checks = checks(r);
    assertEquals(java.util.Set.of("database", "face-engine", "ocr", "smtp", "sms"), checks.keySet());
    checks.values().forEach(c -> assertEquals("UP", c.getString("status"), c::toString));

    JsonObject db = checks.get("database");
    assertEquals("true", data(db, "reachable"));
    assertEquals("0", data(db, "pending_migrations"));
    assertEquals("0", data(db, "failed_migrations"));
    assertTrue(data(db, "schema_version").matches("\\d+(\\.\\d+)*"), db::toString);

    JsonObject face = checks.get("face-engine");
    assertEquals("on", data(face, "state"), face::toString);
    assertEquals("true", data(checks.get("smtp"), "configured"));
    assertEquals("false", data(checks.get("sms"), "configured"));
    assertEquals("none", data(checks.get("sms"), "sender"));
    String ocr = data(checks.get("ocr"), "state");
    assertTrue(ocr.equals("on") || ocr.equals("off"), ocr);
  }

  @Test
  void livenessChecksTheApplicationOnly() {
    Resp r = api.health("/health/live");
    assertEquals(200, r.status(), r::toString);
    assertEquals("UP", r.json().getString("status"));
    assertEquals(java.util.Set.of("identity-service"), checks(r).keySet());
  }
}
