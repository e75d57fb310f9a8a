package io.idforge.identity.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The session cookie's attributes: SameSite=None only over https, where it is Secure. */
class TransportSecurityTest {

  @Test
  void noneIsKeptOverHttpsAndFallsBackToLaxOverHttp() {
    assertEquals("None", TransportSecurity.effectiveSameSite("None", true));
    assertEquals("Lax", TransportSecurity.effectiveSameSite("None", false));
    assertEquals("Strict", TransportSecurity.effectiveSameSite("Strict", false));
    assertEquals("Lax", TransportSecurity.effectiveSameSite("Lax", true));
  }

  @Test
  void theCookieIsSecureExactlyWhenServedOverHttps() {
    assertTrue(new TransportSecurity(true, "None", Duration.ofDays(1)).secureCookie());
    assertFalse(new TransportSecurity(false, "Lax", Duration.ofDays(1)).secureCookie());
    assertEquals("max-age=86400", new TransportSecurity(true, "Lax", Duration.ofDays(1)).hstsHeader());
  }
}
