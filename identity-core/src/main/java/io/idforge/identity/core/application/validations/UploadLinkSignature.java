package io.idforge.identity.core.application.validations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC of an upload link, as {@code MediaLinks} signs image links: over the tenant, the
 * validation, its attempt, the side, the size cap and the expiry, so a link cannot be moved to
 * another tenant, validation, attempt or side, enlarged or prolonged. Different purpose prefix from media links, so one
 * kind of signature never verifies as the other. Pure: the caller passes the key and the time.
 */
public final class UploadLinkSignature {

  private static final String PURPOSE = "upload-link";

  private UploadLinkSignature() {}

  /** The URL-safe signature of one link. */
  public static String sign(
      byte[] secret,
      String clientId,
      String validationId,
      int attempt,
      UploadSide side,
      long maxBytes,
      long expiresEpochSecond) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String data =
          PURPOSE + "\n" + clientId + "\n" + validationId + "\n" + attempt + "\n" + side.pathValue() + "\n" + maxBytes + "\n"
              + expiresEpochSecond;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** True when {@code signature} is ours for exactly these values and {@code now} is before the expiry. */
  public static boolean verify(
      byte[] secret,
      String clientId,
      String validationId,
      int attempt,
      UploadSide side,
      long maxBytes,
      long expiresEpochSecond,
      String signature,
      Instant now) {
    if (signature == null || now.getEpochSecond() >= expiresEpochSecond) {
      return false;
    }
    String expected = sign(secret, clientId, validationId, attempt, side, maxBytes, expiresEpochSecond);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
  }
}
