package io.idforge.identity.core.application.webhooks;

import io.idforge.identity.core.domain.shared.JsonSupport;
import io.idforge.identity.core.domain.webhook.ClaimedDelivery;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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

  /** {@code {"typ":"JWT","alg":"HS256"}}, base64url: the same for every body. */
  private static final String JWT_HEADER =
      Base64.getUrlEncoder().withoutPadding().encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));

  /** HS256 keys shorter than the hash are refused, as Nimbus's {@code MACSigner} does. */
  private static final int MIN_SECRET_BYTES = 32;

  /** One HmacSHA256 instance per thread (the provider lookup is the costly part), re-keyed on use. */
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(WebhookSignatures::newMac);

  /**
   * The JWT body carrying one event. Written directly rather than through a claims object: the
   * event's object is the JSON snapshot stored with the event, copied in as it is instead of
   * parsed and written again for every delivery.
   */
  public static String body(String issuer, long issuedAtSeconds, WebhookDelivery d, String secret) {
    return body(issuer, issuedAtSeconds, d.eventId(), d.eventType(), d.eventAction(), d.object(), d.eventAt(), secret);
  }

  /** As {@link #body(String, long, WebhookDelivery, String)} for a claimed delivery (the drain's path). */
  public static String body(String issuer, long issuedAtSeconds, ClaimedDelivery d, String secret) {
    return body(issuer, issuedAtSeconds, d.eventId(), d.eventType(), d.eventAction(), d.object(), d.eventAt(), secret);
  }

  private static String body(
      String issuer, long issuedAtSeconds, String eventId, String eventType, String eventAction, String object,
      OffsetDateTime eventAt, String secret) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < MIN_SECRET_BYTES) {
      throw new IllegalStateException("webhook secret too short for HS256");
    }
    StringBuilder json = new StringBuilder(256 + object.length());
    json.append("{\"iss\":");
    JsonSupport.appendQuoted(json, issuer);
    json.append(",\"iat\":").append(issuedAtSeconds);
    json.append(",\"events\":[{\"id\":");
    JsonSupport.appendQuoted(json, eventId);
    json.append(",\"event_type\":");
    JsonSupport.appendQuoted(json, eventType);
    json.append(",\"event_action\":");
    JsonSupport.appendQuoted(json, eventAction);
    json.append(",\"object\":").append(object);
    json.append(",\"version\":");
    JsonSupport.appendQuoted(json, EVENT_VERSION);
    json.append(",\"timestamp\":");
    JsonSupport.appendQuoted(json, eventAt.toInstant().toString());
    json.append("}]}");
    String signingInput =
        JWT_HEADER + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    byte[] signature = hmac(key, signingInput);
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
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
    return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), data));
  }

  private static byte[] hmac(byte[] key, String data) {
    Mac mac = MACS.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 refused the key", e);
    }
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
