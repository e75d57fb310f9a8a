package io.idforge.identity.core.domain.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HandoffTest {

  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

  Handoff fresh() {
    return new Handoff("d".repeat(64), "TCI1", "IDP1", "jti-1", T0);
  }

  @Test
  void aLinkWorksOnceWithinTenMinutes() {
    Handoff h = fresh();
    assertEquals(T0.plusMinutes(10), h.expiresAt());
    assertFalse(h.isUsed());
    assertEquals(Handoff.Use.OK, h.use(T0.plusMinutes(9)));
    assertTrue(h.isUsed());
    assertEquals(T0.plusMinutes(9), h.usedAt());
    assertEquals(Handoff.Use.USED, h.use(T0.plusMinutes(9).plusSeconds(1)), "the second open is refused");
  }

  @Test
  void anExpiredLinkIsRefusedAndStaysUnused() {
    Handoff h = fresh();
    assertEquals(Handoff.Use.EXPIRED, h.use(T0.plusMinutes(10)), "the tenth minute is the end");
    assertFalse(h.isUsed());
    assertTrue(h.isExpired(T0.plusMinutes(10)));
  }

  @Test
  void aUsedLinkReadsUsedEvenAfterItsLifetime() {
    Handoff h = fresh();
    h.use(T0);
    assertEquals(Handoff.Use.USED, h.use(T0.plusHours(1)));
  }
}
