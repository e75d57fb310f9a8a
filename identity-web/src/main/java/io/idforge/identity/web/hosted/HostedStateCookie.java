package io.idforge.identity.web.hosted;

import io.idforge.identity.core.security.MediaCipher;
import io.idforge.identity.core.security.MediaKeys;
import io.idforge.identity.web.http.TransportSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Carries {@link HostedState} in a cookie that every node can open, so that a load balancer need
 * not be sticky: AES-256-GCM with a key ring derived from the media key ring
 * ({@code identity.media.encryption-keys}, or the generated keys in the database, which all nodes
 * already share) under the purpose label {@value #PURPOSE}. The first key seals, every key opens
 * (rotation as for media). The browser can neither read nor change the state; a cookie that does
 * not open, has another layout or is past its expiry counts as no state at all.
 *
 * <p>Attributes as the session cookie had: {@code HttpOnly}, {@code SameSite} as configured
 * ({@code None} only over https, for iframes), {@code Secure} with an https base URL, the
 * application's path, and a lifetime of {@link #TTL} that slides while the user is active.
 */
@ApplicationScoped
public class HostedStateCookie {

  private static final Logger LOG = Logger.getLogger(HostedStateCookie.class.getName());

  static final String NAME = "idforge_flow";

  /** Label of the derived key ring: what it seals, no other purpose's key can open. */
  static final String PURPOSE = "idforge hosted-flow state cookie v1";

  /** Associated data of every seal: binds the ciphertext to this use and layout. */
  private static final byte[] AAD = "idforge.hosted-state.v1".getBytes(StandardCharsets.US_ASCII);

  /** How long a browser's state lasts without a request (the old session timeout). */
  static final Duration TTL = Duration.ofMinutes(120);

  @Inject MediaKeys mediaKeys;

  @Inject Clock clock;

  volatile MediaCipher cipher; // derived on first use; set directly by unit tests
  private volatile TransportSecurity transport;

  /** The state the request's cookie carries, if it opens and is still valid. */
  Optional<HostedState> read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie c : cookies) {
      if (NAME.equals(c.getName())) {
        Optional<HostedState> state = open(c.getValue());
        if (state.isPresent()) {
          return state;
        }
      }
    }
    return Optional.empty();
  }

  /** Adds the {@code Set-Cookie} header carrying {@code state}, valid for {@link #TTL} from now. */
  HostedState write(HttpServletRequest request, HttpServletResponse response, HostedState state) {
    HostedState sealed = state.withExpiry(now().plus(TTL));
    TransportSecurity t = transport();
    String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath() + "/";
    response.addHeader("Set-Cookie", NAME + "=" + seal(sealed) + "; Path=" + path + "; Max-Age=" + TTL.toSeconds()
        + "; HttpOnly; SameSite=" + t.sameSite() + (t.secureCookie() ? "; Secure" : ""));
    return sealed;
  }

  /** Whether the state's lifetime is more than half over: time to send it again (sliding expiry). */
  boolean dueForRefresh(HostedState state) {
    return state.expiresAt() != null && state.expiresAt().minus(TTL.dividedBy(2)).isBefore(now());
  }

  /** {@code keyId.nonce.ciphertext}, each base64url without padding (cookie-safe characters). */
  String seal(HostedState state) {
    MediaCipher.Sealed s = cipher().seal(state.encode(), AAD);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(s.keyId().getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(s.nonce()) + "."
        + b64.encodeToString(s.ciphertext());
  }

  Optional<HostedState> open(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      byte[] plain = cipher().open(new String(b64.decode(parts[0]), StandardCharsets.UTF_8), b64.decode(parts[1]),
          b64.decode(parts[2]), AAD);
      HostedState state = HostedState.decode(plain);
      if (state.expiresAt() == null || !state.expiresAt().isAfter(now())) {
        return Optional.empty();
      }
      return Optional.of(state);
    } catch (IllegalArgumentException | IllegalStateException | IOException e) {
      // Tampered, sealed with a key no longer configured, or another layout: no state. FINE only:
      // anyone can send any cookie.
      LOG.fine(() -> "hosted state cookie refused: " + e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private MediaCipher cipher() {
    MediaCipher c = cipher;
    if (c == null) {
      c = mediaKeys.cipher().derive(PURPOSE);
      cipher = c;
    }
    return c;
  }

  private TransportSecurity transport() {
    TransportSecurity t = transport;
    if (t == null) {
      t = TransportSecurity.from(ConfigProvider.getConfig());
      transport = t;
    }
    return t;
  }
}
