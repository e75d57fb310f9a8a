package io.idforge.identity.client;

import io.idforge.identity.api.validations.UploadReceipt;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed upload link ({@code front_url}, {@code reverse_url}, {@code file_upload_link}) split
 * into the parameters of {@link UploadsClient#put}. The link is used as given: its host must be the
 * service the {@link UploadsClient} talks to.
 *
 * @param id the validation (VLD…) or enrollment (ENR…) id
 * @param side front, reverse, selfie or reference
 * @param attempt the link's attempt (null when the link has none)
 * @param maxSize the size cap in bytes
 * @param method the link's method (PUT)
 * @param expires the expiry, Unix seconds
 * @param signature the HMAC signature
 */
public record UploadLink(
    String id, String side, Integer attempt, Long maxSize, String method, Long expires, String signature) {

  private static final Pattern PATH = Pattern.compile(".*/v1/uploads/([^/?]+)/([^/?]+)");

  /**
   * @throws IllegalArgumentException when {@code link} is not an upload link
   */
  public static UploadLink parse(String link) {
    URI uri = URI.create(link);
    Matcher m = PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an upload link: " + uri.getRawPath());
    }
    Map<String, String> query = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return new UploadLink(
        decode(m.group(1)), decode(m.group(2)), number(query.get("attempt")) == null ? null : number(query.get("attempt")).intValue(),
        number(query.get("max-size")), query.get("method"), number(query.get("Expires")), query.get("Signature"));
  }

  /** PUTs {@code file} to this link. */
  public UploadReceipt put(UploadsClient uploads, String contentType, byte[] file) {
    return uploads.put(id, side, attempt, maxSize, method, expires, signature, contentType, file);
  }

  private static Long number(String value) {
    try {
      return value == null ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number in an upload link: " + value, e);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
