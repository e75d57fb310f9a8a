package io.idforge.identity.core.domain.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ConsoleUserTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 22, 0, 0, 0, ZoneOffset.UTC);

  static ConsoleUser reviewer() {
    ConsoleUser u = new ConsoleUser("TCI1", "ana", EnumSet.of(ConsoleRole.REVIEWER), "digest", NOW.plusHours(48), NOW);
    u.choosePassword("hash", NOW);
    return u;
  }

  @Test
  void theFifthFailureInARowLocksForFifteenMinutes() {
    ConsoleUser u = reviewer();
    for (int i = 0; i < 4; i++) {
      assertFalse(u.failedSignIn(NOW));
    }
    assertFalse(u.isLocked(NOW));
    assertTrue(u.failedSignIn(NOW));
    assertTrue(u.isLocked(NOW.plusMinutes(14)));
    assertFalse(u.isLocked(NOW.plusMinutes(15)));
  }

  @Test
  void aSuccessfulSignInResetsTheCount() {
    ConsoleUser u = reviewer();
    for (int i = 0; i < 4; i++) {
      u.failedSignIn(NOW);
    }
    u.signedIn(NOW);
    assertFalse(u.failedSignIn(NOW));
    assertEquals(1, u.failedAttempts());
  }

  @Test
  void choosingAPasswordSpendsTheLink() {
    ConsoleUser u = new ConsoleUser("TCI1", "ana", EnumSet.of(ConsoleRole.ADMIN), "digest", NOW.plusHours(48), NOW);
    assertTrue(u.setupLinkValid(NOW));
    assertFalse(u.setupLinkValid(NOW.plusHours(48)));
    u.choosePassword("hash", NOW);
    assertFalse(u.setupLinkValid(NOW));
  }

  @Test
  void operatorsHaveNoTenantAndTenantUsersNoOperatorRole() {
    assertThrows(IllegalArgumentException.class,
        () -> new ConsoleUser("TCI1", "op", EnumSet.of(ConsoleRole.OPERATOR), null, null, NOW));
    assertThrows(IllegalArgumentException.class,
        () -> new ConsoleUser(null, "ana", EnumSet.of(ConsoleRole.ADMIN), null, null, NOW));
    assertThrows(IllegalArgumentException.class, () -> reviewer().changeRoles(EnumSet.of(ConsoleRole.OPERATOR), NOW));
    assertEquals(EnumSet.of(ConsoleRole.REVIEWER), reviewer().roles());
  }
}
