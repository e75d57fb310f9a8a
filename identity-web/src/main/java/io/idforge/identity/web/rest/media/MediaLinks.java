package io.idforge.identity.web.rest.media;

import io.idforge.identity.core.security.SigningKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived links to a tenant's uploaded images ({@code front_image}, {@code reverse_image} in
 * results), valid {@link #VALIDITY} like Truora's. A link is an HMAC over tenant, media id and
 * expiry with the active signing key; following it also needs the tenant's backend key, so a
 * leaked link alone opens nothing.
 */
@ApplicationScoped
public class MediaLinks {

  static final Duration VALIDITY = Duration.ofMinutes(15);

  @Inject SigningKeys keys;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "identity.public-base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  /** Trailing slashes off once: {@link #link} runs for every image of every listed process. */
  @PostConstruct
  void trimBaseUrl() {
    baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** The URL of a media object for its tenant, or null when there is none. */
  public String link(String clientId, String mediaId) {
    if (mediaId == null) {
      return null;
    }
    long expires = clock.instant().plus(VALIDITY).getEpochSecond();
    return baseUrl + "/v1/media/" + mediaId + "?expires=" + expires + "&signature="
        + signature(clientId, mediaId, expires);
  }

  /** True when the signature is ours for this tenant and media and has not expired. */
  public boolean verify(String clientId, String mediaId, long expires, String signature) {
    if (signature == null || clock.instant().getEpochSecond() >= expires) {
      return false;
    }
    return MessageDigest.isEqual(
        signature(clientId, mediaId, expires).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String clientId, String mediaId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.ring().activeSecret(), "HmacSHA256"));
      byte[] tag = mac.doFinal(("media-link\n" + clientId + "\n" + mediaId + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
