package io.idforge.identity.web.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.security.MediaCipher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostedStateCookieTest {

  static final String K1 = "k1=" + Base64.getEncoder().encodeToString(new byte[32]);
  static final String K2 = "k2=" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
  static final String TOKEN_JTI = "2f0c7a52-0d4e-4f7e-9a0b-5b1c3e0f8d11";

  static HostedStateCookie node(String keys, Instant now) {
    HostedStateCookie c = new HostedStateCookie();
    c.cipher = MediaCipher.parse(keys).derive(HostedStateCookie.PURPOSE);
    c.clock = Clock.fixed(now, ZoneOffset.UTC);
    return c;
  }

  static HostedState state() {
    return HostedState.bound(Caller.web("TCI0123", "web-key", TOKEN_JTI), "IDP0456",
            new FramePolicy(List.of("https://shop.example.com")), true, "pt", "form-token-1", null)
        .withNotice("code_sent")
        .withHandoff("handoff-secret", OffsetDateTime.ofInstant(NOW.plusSeconds(600), ZoneOffset.UTC))
        .withExpiry(OffsetDateTime.ofInstant(NOW.plusSeconds(7200), ZoneOffset.UTC));
  }

  @Test
  void anotherNodeWithTheSameKeysOpensWhatOneSealedAndTheBrowserCannotReadIt() {
    String sealed = node(K1, NOW).seal(state());
    Optional<HostedState> opened = node(K1, NOW.plusSeconds(60)).open(sealed);
    assertEquals(Optional.of(state()), opened);
    assertEquals("IDP0456", opened.get().processId());
    String visible = new String(Base64.getUrlDecoder().decode(sealed.split("\\.")[2]), StandardCharsets.ISO_8859_1);
    for (String secret : List.of("TCI0123", "IDP0456", TOKEN_JTI, "handoff-secret", "form-token-1", "shop.example")) {
      assertFalse(visible.contains(secret), secret);
      assertFalse(sealed.contains(secret), secret);
    }
    assertTrue(sealed.matches("[A-Za-z0-9_.-]+"), "cookie-safe characters only: " + sealed);
  }

  @Test
  void aTamperedCookieAnotherKeyOrAMediaKeyOpensNothing() {
    String sealed = node(K1, NOW).seal(state());
    char[] chars = sealed.toCharArray();
    int last = chars.length - 2;
    chars[last] = chars[last] == 'A' ? 'B' : 'A';
    assertEquals(Optional.empty(), node(K1, NOW).open(new String(chars)));
    assertEquals(Optional.empty(), node(K2, NOW).open(sealed));
    assertEquals(Optional.empty(), node(K1, NOW).open("garbage"));
    assertEquals(Optional.empty(), node(K1, NOW).open("a.b.c"));
    // The media ring itself (another purpose) does not open it.
    HostedStateCookie mediaKeyed = node(K1, NOW);
    mediaKeyed.cipher = MediaCipher.parse(K1);
    assertEquals(Optional.empty(), mediaKeyed.open(sealed));
  }

  @Test
  void rotationTheFirstKeySealsAndEveryKeyOpens() {
    String old = node(K1, NOW).seal(state());
    HostedStateCookie rotated = node(K2 + "," + K1, NOW);
    assertEquals(Optional.of(state()), rotated.open(old));
    String fresh = rotated.seal(state());
    assertEquals(Optional.empty(), node(K1, NOW).open(fresh), "sealed with k2, which the old ring lacks");
  }

  @Test
  void anExpiredStateIsNoStateAndAHalfSpentOneIsDueForRefresh() {
    String sealed = node(K1, NOW).seal(state());
    assertEquals(Optional.empty(), node(K1, NOW.plusSeconds(7200)).open(sealed));
    assertFalse(node(K1, NOW.plusSeconds(3000)).dueForRefresh(state()));
    assertTrue(node(K1, NOW.plusSeconds(3700)).dueForRefresh(state()));
  }

  @Test
  void aStateWithoutALinkHasNoCallerAndNoFormToken() {
    assertFalse(HostedState.NONE.linked());
    assertEquals(Optional.empty(), HostedState.NONE.caller());
    assertNull(HostedState.NONE.formToken());
    assertEquals(Caller.web("TCI0123", "web-key", TOKEN_JTI), state().caller().orElseThrow());
  }
}
