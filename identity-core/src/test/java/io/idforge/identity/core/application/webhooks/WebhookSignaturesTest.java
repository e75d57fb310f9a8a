package io.idforge.identity.core.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.webhook.EndpointSettings;
import io.idforge.identity.core.domain.webhook.EventFilter;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JWT body as a Truora receiver checks it, and the timestamped signature header. */
class WebhookSignaturesTest {

  static final String SECRET = "whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
  static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 5, 21, 0, 0, 0, ZoneOffset.UTC);

  static WebhookDelivery delivery() {
    ProcessEvent event =
        new ProcessEvent(
            "TCI1", "IDP1", null, "digital_identity.identity_process", "failed", "system",
            "{\"process_id\":\"IDP1\",\"status\":\"failure\",\"failure_status\":\"expired\",\"flow_version\":2}", AT);
    WebhookEndpoint endpoint =
        new WebhookEndpoint("TCI1", new EndpointSettings("https://example.com/h", "POST", EventFilter.all(), Map.of(), true), "sealed", AT);
    return WebhookDelivery.of(event, endpoint, AT);
  }

  @Test
  void bodyIsAnHs256JwtWithTruorasClaims() throws Exception {
    WebhookDelivery d = delivery();
    String body = WebhookSignatures.body("https://issuer.test", 1_765_000_000L, d, SECRET);

    SignedJWT jwt = SignedJWT.parse(body);
    assertEquals("HS256", jwt.getHeader().getAlgorithm().getName());
    assertTrue(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))));
    var claims = jwt.getJWTClaimsSet();
    assertEquals("https://issuer.test", claims.getIssuer());
    assertEquals(1_765_000_000L, claims.getIssueTime().getTime() / 1000);
    @SuppressWarnings("unchecked")
    Map<String, Object> event = (Map<String, Object>) ((List<Object>) claims.getClaim("events")).get(0);
    assertEquals(d.eventId(), event.get("id"));
    assertTrue(((String) event.get("id")).startsWith("HKE"));
    assertEquals("digital_identity.identity_process", event.get("event_type"));
    assertEquals("failed", event.get("event_action"));
    assertEquals("1.0", event.get("version"));
    assertEquals("2026-12-05T21:00:00Z", event.get("timestamp"));
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) event.get("object");
    assertEquals("expired", object.get("failure_status"));
    assertEquals(2L, ((Number) object.get("flow_version")).longValue());
  }

  @Test
  void phpStyleHmacOfHeaderDotPayloadMatchesTheSignature() {
    String body = WebhookSignatures.body("iss", 1L, delivery(), SECRET);
    String[] parts = body.split("\\.");
    // hash_hmac('sha256', header.payload, secret, true), base64url: what a Truora receiver compares.
    String hex = WebhookSignatures.hmacHex(SECRET, parts[0] + "." + parts[1]);
    byte[] raw = java.util.HexFormat.of().parseHex(hex);
    assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), parts[2]);
    assertFalse(WebhookSignatures.hmacHex("another-secret-of-enough-length-000000", parts[0] + "." + parts[1])
        .equals(hex));
  }

  @Test
  void headerCarriesOneSignaturePerSecretAndRejectsReplays() {
    String body = "a.b.c";
    String header = WebhookSignatures.header(1000, body, List.of(SECRET, "old-secret"));
    assertTrue(header.matches("t=1000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}"), header);
    assertTrue(WebhookSignatures.verifyHeader(header, body, SECRET, 1100, 300));
    assertTrue(WebhookSignatures.verifyHeader(header, body, "old-secret", 1100, 300), "old secret valid during overlap");
    assertFalse(WebhookSignatures.verifyHeader(header, body, SECRET, 1400, 300), "too old: a replay");
    assertFalse(WebhookSignatures.verifyHeader(header, body + "x", SECRET, 1000, 300), "body changed");
    assertFalse(WebhookSignatures.verifyHeader(header, body, "wrong", 1000, 300), "wrong secret");
    assertFalse(WebhookSignatures.verifyHeader(header.replace("t=1000", "t=1001"), body, SECRET, 1000, 300),
        "timestamp is signed");
  }
}
