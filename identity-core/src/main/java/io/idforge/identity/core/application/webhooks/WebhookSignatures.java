package io.idforge.identity.core.application.webhooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The body and signature of a webhook request. The body is what Truora sends: a compact HS256 JWT
 * whose claims are {@code iss}, {@code iat} and {@code events}, signed with the endpoint's secret
 * (its UTF-8 bytes are the HMAC key, so {@code hash_hmac('sha256', header.payload, secret)}
 * verifies it). The {@value #HEADER} header adds what the JWT lacks, protection against replays:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, one {@code v1} per valid secret
 * while a rotation overlaps.
 */
public final class WebhookSignatures {

  public static final String HEADER = "Idforge-Signature";
  public static final String EVENT_VERSION = "1.0";

  private WebhookSignatures() {}

  /** The JWT body carrying one event. */
  public static String body(String issuer, long issuedAtSeconds, WebhookDelivery d, String secret) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", d.eventId());
    event.put("event_type", d.eventType());
    event.put("event_action", d.eventAction());
    event.put("object", parseObject(d.object()));
    event.put("version", EVENT_VERSION);
    event.put("timestamp", d.eventAt().toInstant().toString());
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .issueTime(new Date(issuedAtSeconds * 1000))
            .claim("events", List.of(event))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException("webhook secret too short for HS256", e);
    }
    return jwt.serialize();
  }

  /** {@code t=<unix>,v1=<hex>[,v1=<hex>]}: one signature per secret, newest first. */
  public static String header(long timestampSeconds, String body, List<String> secrets) {
    StringBuilder out = new StringBuilder("t=").append(timestampSeconds);
    for (String secret : secrets) {
      out.append(",v1=").append(hmacHex(secret, timestampSeconds + "." + body));
    }
    return out.toString();
  }

  /**
   * What a receiver does with the header: true when one {@code v1} matches under {@code secret}
   * and {@code t} is within {@code toleranceSeconds} of {@code nowSeconds}.
   */
  public static boolean verifyHeader(String header, String body, String secret, long nowSeconds, long toleranceSeconds) {
    Long t = null;
    List<String> signatures = new java.util.ArrayList<>();
    for (String part : header.split(",")) {
      String p = part.trim();
      if (p.startsWith("t=")) {
        try {
          t = Long.parseLong(p.substring(2));
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (p.startsWith("v1=")) {
        signatures.add(p.substring(3));
      }
    }
    if (t == null || Math.abs(nowSeconds - t) > toleranceSeconds) {
      return false;
    }
    byte[] expected = hmacHex(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
    return signatures.stream()
        .anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII)));
  }

  public static String hmacHex(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** The snapshot as a JSON value tree Nimbus can serialise (maps, lists, strings, numbers). */
  private static Object parseObject(String json) {
    try {
      return com.nimbusds.jose.util.JSONObjectUtils.parse(json);
    } catch (java.text.ParseException e) {
      throw new IllegalStateException("event object is not a JSON object", e);
    }
  }
}
